package io.bellwether.enrich.analysis;

import io.bellwether.avro.Article;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.avro.NarrativeSignal;
import io.bellwether.avro.SentenceSentiment;
import io.bellwether.enrich.entity.EntityMention;
import io.bellwether.enrich.entity.EntityMerger;
import io.bellwether.enrich.entity.EntityRanker;
import io.bellwether.enrich.entity.MentionFinder;
import io.bellwether.enrich.narrative.CueIndex;
import io.bellwether.enrich.narrative.Gazetteer;
import io.bellwether.enrich.narrative.Narrative;
import io.bellwether.enrich.narrative.NarrativeFile;
import io.bellwether.enrich.stance.NarrativeSignals;
import io.bellwether.enrich.stance.StanceScorer;
import io.bellwether.enrich.text.AnalyzedText;
import io.bellwether.enrich.text.Sentence;
import io.bellwether.enrich.text.Sentiment;
import io.bellwether.enrich.text.SentimentSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Builds an {@link EnrichedArticle} from an article's cheap-pass analysis plus a source of sentence sentiment:
 * finds entities and cues, selects sentences for sentiment, scores entities and narratives. Holds no NLP library
 * code, so it runs in tests on hand-made tokens. Immutable; safe to share between threads.
 */
public final class ArticleEnricher {
    private final NarrativeFile file;
    private final MentionFinder mentions;
    private final EntityMerger merger;
    private final SentenceSelector selector;
    private final SentenceScoring scoring;
    private final EntityRanker ranker;
    private final NarrativeSignals signals;
    private final LanguageGuess language = new LanguageGuess();

    public ArticleEnricher(NarrativeFile file, CueIndex cues, Gazetteer gazetteer, AnalyzerSettings settings,
                           LongSupplier nanoClock) {
        this.file = file;
        this.mentions = new MentionFinder(gazetteer);
        this.merger = new EntityMerger(file.aliasTable());
        this.selector = new SentenceSelector(settings.parseMaxTokens(), settings.fullPass());
        this.scoring = new SentenceScoring(file.lexicon(), settings.timeBudgetMs(), nanoClock);
        this.ranker = new EntityRanker(file);
        this.signals = new NarrativeSignals(file, cues, new StanceScorer(settings.labelThreshold(), settings.reportThreshold()),
                settings.minCueHits());
    }

    private ArticleEnricher(ArticleEnricher base, SentenceScoring scoring) {
        this.file = base.file;
        this.mentions = base.mentions;
        this.merger = base.merger;
        this.selector = base.selector;
        this.scoring = scoring;
        this.ranker = base.ranker;
        this.signals = base.signals;
    }

    /** The same enricher with another per-article budget for the parse + sentiment pass. */
    public ArticleEnricher withTimeBudget(long budgetMillis) {
        return new ArticleEnricher(this, scoring.withBudget(budgetMillis));
    }

    /** The enriched record and its run statistics. */
    public record Outcome(EnrichedArticle article, AnalysisResult.RunStats stats) {
    }

    public Outcome enrich(Article article, AnalyzedText text, SentimentSource source, long startedNanos,
                          String pipelineVersion) {
        Findings findings = find(text, source, startedNanos);
        List<Sentence> sentences = text.sentences();
        SentenceScoring.Scores scores = findings.scores();
        List<NarrativeSignal> narrativeSignals = new ArrayList<>();
        boolean aboutAny = findings.aboutAny(signals);
        for (Narrative narrative : file.narratives()) {
            signals.signal(narrative, sentences, findings.hits().get(narrative.id()), findings.named(),
                    scores.bySentence(), scores.budgetExceeded(), aboutAny)
                    .map(signal -> EvidenceText.attach(signal, text)).ifPresent(narrativeSignals::add);
        }
        EnrichedArticle enriched = EnrichedArticle.newBuilder()
                .setId(article.getId()).setSource(article.getSource()).setUrl(article.getUrl())
                .setTitle(article.getTitle()).setPublishedAt(article.getPublishedAt())
                .setLanguage(language.guess(article.getLanguage(), sentences))
                .setWordCount(wordCount(sentences)).setTruncated(text.truncated())
                .setSentiment(scores.bySentence().values().stream().mapToDouble(Sentiment::score).average().orElse(0.0))
                .setEntities(ranker.rank(merger.merge(findings.found()), sentences.size(), findings.cueSentences(),
                        scores.bySentence()))
                .setSentences(sentenceSentiments(sentences, scores.bySentence()))
                .setNarratives(narrativeSignals).setPipelineVersion(pipelineVersion)
                .build();
        return new Outcome(enriched, new AnalysisResult.RunStats(sentences.size(), scores.parsed(), scores.fallback(),
                scores.budgetExceeded()));
    }

    /**
     * The stance of one narrative with its features, or empty when the article is not about it (for tuning). An
     * article about another narrative of the file counts: a layer fitted on these readings decides whether it is.
     */
    Optional<StanceScorer.Stance> stance(Narrative narrative, AnalyzedText text, SentimentSource source) {
        Findings findings = find(text, source, 0L);
        List<CueIndex.CueHit> narrativeHits = findings.hits().get(narrative.id());
        if (!signals.isAbout(narrativeHits) && !findings.aboutAny(signals)) {
            return Optional.empty();
        }
        return Optional.of(signals.stance(narrative, text.sentences(), narrativeHits, findings.named(),
                findings.scores().bySentence(), new HashSet<>()));
    }

    /** True when the article holds enough of the narrative's own cue phrases to be about it (for tuning). */
    boolean aboutByCues(Narrative narrative, AnalyzedText text) {
        return signals.isAbout(signals.hits(narrative, text.sentences()));
    }

    private record Findings(List<EntityMention> found, List<NarrativeSignals.NamedMention> named,
                            Map<String, List<CueIndex.CueHit>> hits, Set<Integer> cueSentences,
                            SentenceScoring.Scores scores) {
        /** True when the article is about at least one narrative of the file by that narrative's cues. */
        boolean aboutAny(NarrativeSignals signals) {
            return hits.values().stream().anyMatch(signals::isAbout);
        }
    }

    private Findings find(AnalyzedText text, SentimentSource source, long startedNanos) {
        List<Sentence> sentences = text.sentences();
        List<EntityMention> found = mentions.find(sentences);
        List<NarrativeSignals.NamedMention> named = new ArrayList<>();
        Set<Integer> tracked = new HashSet<>();
        for (EntityMention mention : found) {
            String name = merger.canonicalName(mention);
            named.add(new NarrativeSignals.NamedMention(mention, name));
            if (mention.canonical() != null || file.tracks(name)) {
                tracked.add(mention.sentence());
            }
        }
        Map<String, List<CueIndex.CueHit>> hits = new LinkedHashMap<>();
        Set<Integer> cueSentences = new HashSet<>();
        for (Narrative narrative : file.narratives()) {
            List<CueIndex.CueHit> narrativeHits = signals.hits(narrative, sentences);
            hits.put(narrative.id(), narrativeHits);
            narrativeHits.forEach(hit -> cueSentences.add(hit.sentence()));
        }
        SentenceScoring.Scores scores = scoring.score(selector.select(sentences, cueSentences, tracked), source,
                startedNanos);
        return new Findings(found, named, hits, cueSentences, scores);
    }

    private static int wordCount(List<Sentence> sentences) {
        return (int) sentences.stream().flatMap(sentence -> sentence.tokens().stream())
                .filter(LanguageGuess::isWord).count();
    }

    private static List<SentenceSentiment> sentenceSentiments(List<Sentence> sentences, Map<Integer, Sentiment> scores) {
        List<SentenceSentiment> out = new ArrayList<>();
        scores.forEach((index, sentiment) -> {
            Sentence sentence = sentences.get(index);
            out.add(new SentenceSentiment(index, sentence.begin(), sentence.end(), sentiment.sentimentClass(),
                    sentiment.distribution(), sentiment.score()));
        });
        return out;
    }
}
