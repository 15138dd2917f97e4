package io.bellwether.enrich.stance;

import io.bellwether.avro.Evidence;
import io.bellwether.avro.NarrativeSignal;
import io.bellwether.enrich.analysis.LanguageGuess;
import io.bellwether.enrich.entity.EntityMention;
import io.bellwether.enrich.narrative.CueIndex;
import io.bellwether.enrich.narrative.Narrative;
import io.bellwether.enrich.narrative.NarrativeFile;
import io.bellwether.enrich.narrative.Side;
import io.bellwether.enrich.narrative.StanceModel;
import io.bellwether.enrich.text.Sentence;
import io.bellwether.enrich.text.Sentiment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the narrative signals of one article. An article is about a narrative when it holds at least
 * {@code minCueHits} cue phrases of it, or one in its title (sentence 0); otherwise it gets no signal. Cue phrases
 * weigh 1 and mentions of camp entities 0.5 (only when lexicon words in their clause judge them), times 1.5 in the
 * title, times 2 in the last quarter of the article (where an argument concludes: chosen by cross-validation), times 1.5 in a sentence that opens
 * with a contrast (But, However, Yet: where a writer turns from a concession to a claim), times 0.5 in a quoted or
 * attributed sentence and times 0.5 in a sentence that voices a camp named from outside, such as "critics" or
 * "sceptics" (see {@link ArticleRegister}); {@link StanceScorer} does the rest, with its stricter label threshold
 * when the article is a news report rather than an opinion piece.
 * A learned layer labels the article only when it is at least the layer's {@code minWords} long; when it says
 * {@code none}, the cue phrases were used in another sense and the article gets no signal.
 * Relevance is the share of sentences that carry a cue or a camp entity of the narrative. When the time budget
 * ran out before all selected sentences were parsed, confidence is halved.
 */
public final class NarrativeSignals {
    private static final double ENTITY_WEIGHT = 0.5;
    private static final double TITLE_WEIGHT = 1.5;
    private static final double REPORTED_WEIGHT = 0.5;
    private static final double CONCLUSION_WEIGHT = 2.0;
    private static final double CONTRAST_WEIGHT = 1.5;
    private static final double CONCLUSION_START = 0.75;
    private static final double OTHERS_WEIGHT = 0.5;

    private final CueIndex cues;
    private final ClauseValence clauses;
    private final StanceScorer scorer;
    private final int minCueHits;
    private final ArticleRegister register = new ArticleRegister();
    private final LexicalFeatures lexical = new LexicalFeatures();

    public NarrativeSignals(NarrativeFile file, CueIndex cues, StanceScorer scorer, int minCueHits) {
        this.cues = cues;
        this.clauses = new ClauseValence(file.lexicon());
        this.scorer = scorer;
        this.minCueHits = minCueHits;
    }

    /** The cue hits of every narrative in every sentence, computed once per article. */
    public List<CueIndex.CueHit> hits(Narrative narrative, List<Sentence> sentences) {
        List<CueIndex.CueHit> hits = new ArrayList<>();
        sentences.forEach(sentence -> hits.addAll(cues.find(narrative.id(), sentence)));
        return hits;
    }

    /**
     * @param mentions entity mentions with canonical names already resolved (by sentence order)
     */
    public Optional<NarrativeSignal> signal(Narrative narrative, List<Sentence> sentences, List<CueIndex.CueHit> hits,
                                            List<NamedMention> mentions, Map<Integer, Sentiment> sentiments,
                                            boolean budgetExceeded, boolean aboutAny) {
        if (!reaches(narrative, sentences, hits, aboutAny)) {
            return Optional.empty();
        }
        Set<Integer> touched = new HashSet<>();
        StanceScorer.Stance stance = stance(narrative, sentences, hits, mentions, sentiments, touched);
        if (StanceModel.NONE.equals(stance.label())) {
            return Optional.empty();
        }
        double confidence = budgetExceeded ? stance.confidence() / 2.0 : stance.confidence();
        return Optional.of(new NarrativeSignal(narrative.id(), stance.stance(), confidence, stance.label(),
                (double) touched.size() / Math.max(1, sentences.size()), evidence(stance)));
    }

    /** True when the hits make the article about their narrative: enough cue phrases, or one in the title. */
    public boolean isAbout(List<CueIndex.CueHit> hits) {
        return hits.size() >= minCueHits || hits.stream().anyMatch(hit -> hit.sentence() == 0);
    }

    /**
     * True when the narrative scores the article: it is about the narrative by its own cues, or the narrative has a
     * learned layer that reads the article (long enough) and the article is about some narrative of the file. Real
     * pages argue a narrative in words its cue list lacks (about half the relevant real pages of ai-regulation hold
     * none of its cues); the layer, fitted on such pages, tells them from the irrelevant ones (its {@code none}).
     */
    public boolean reaches(Narrative narrative, List<Sentence> sentences, List<CueIndex.CueHit> hits,
                           boolean aboutAny) {
        return isAbout(hits) || aboutAny && layerOf(narrative, sentences).isPresent();
    }

    private static Optional<StanceModel> layerOf(Narrative narrative, List<Sentence> sentences) {
        return narrative.stanceModel().filter(model -> wordCount(sentences) >= model.minWords());
    }

    /** @param touched receives the sentences that carry a cue or a camp entity of the narrative */
    public StanceScorer.Stance stance(Narrative narrative, List<Sentence> sentences, List<CueIndex.CueHit> hits,
                               List<NamedMention> mentions, Map<Integer, Sentiment> sentiments, Set<Integer> touched) {
        List<StanceScorer.Observation> observations = new ArrayList<>();
        for (CueIndex.CueHit hit : hits) {
            Sentence sentence = sentences.get(hit.sentence());
            observations.add(observation(sentence, hit.firstToken(), hit.lastToken(), hit.cue().phrase(),
                    hit.cue().side(), hit.cue().prior(), weight(sentences, hit.sentence(), 1.0), hits, sentiments));
            touched.add(hit.sentence());
        }
        for (NamedMention named : mentions) {
            Optional<Side> camp = narrative.campOf(named.name());
            if (camp.isPresent()) {
                EntityMention mention = named.mention();
                StanceScorer.Observation seen = observation(sentences.get(mention.sentence()), mention.firstToken(),
                        mention.lastToken(), named.name(), camp.get(), 0.0,
                        weight(sentences, mention.sentence(), ENTITY_WEIGHT), hits, sentiments);
                // A camp entity is evidence only when its clause judges it; bare mentions are reporting.
                if (seen.lexical().hits() > 0) {
                    observations.add(seen);
                }
                touched.add(mention.sentence());
            }
        }
        Optional<StanceModel> layer = layerOf(narrative, sentences);
        Map<String, Double> words = layer.filter(StanceModel::readsWords)
                .map(model -> lexical.of(sentences)).orElse(Map.of());
        return scorer.score(observations, register.isReport(sentences), sentences.size(), layer, words);
    }

    /** An entity mention with the canonical name the merger gave it. */
    public record NamedMention(EntityMention mention, String name) {
    }

    private static long wordCount(List<Sentence> sentences) {
        return sentences.stream().flatMap(sentence -> sentence.tokens().stream()).filter(LanguageGuess::isWord).count();
    }

    private double weight(List<Sentence> sentences, int index, double base) {
        double weight = base;
        if (register.voicesOthers(sentences.get(index))) {
            weight *= OTHERS_WEIGHT;
        }
        if (index == 0) {
            weight *= TITLE_WEIGHT;
        } else if (index >= sentences.size() * CONCLUSION_START) {
            weight *= CONCLUSION_WEIGHT;
        }
        if (register.isContrast(sentences.get(index))) {
            weight *= CONTRAST_WEIGHT;
        }
        return register.isAttributed(sentences.get(index)) ? weight * REPORTED_WEIGHT : weight;
    }

    private StanceScorer.Observation observation(Sentence sentence, int first, int last, String cue, Side side,
                                                 double prior, double weight, List<CueIndex.CueHit> hits,
                                                 Map<Integer, Sentiment> sentiments) {
        boolean[] ignored = new boolean[sentence.size()];
        hits.stream().filter(hit -> hit.sentence() == sentence.index())
                .forEach(hit -> Arrays.fill(ignored, hit.firstToken(), hit.lastToken() + 1, true));
        ClauseValence.Reading reading = clauses.read(sentence.tokens(), first, last, ignored);
        Sentiment sentiment = sentiments.get(sentence.index());
        double score = sentiment == null ? Double.NaN : sentiment.score();
        return new StanceScorer.Observation(sentence.index(), sentence.beginOf(first), sentence.endOf(last), cue,
                side, prior, weight, score, reading);
    }

    private static List<Evidence> evidence(StanceScorer.Stance stance) {
        List<Evidence> evidence = new ArrayList<>();
        for (StanceScorer.Scored scored : stance.evidence()) {
            StanceScorer.Observation seen = scored.observation();
            double sentiment = Double.isNaN(seen.sentenceSentiment()) ? 0.0 : seen.sentenceSentiment();
            evidence.add(Evidence.newBuilder().setSentence(seen.sentence()).setStart(seen.start())
                    .setEnd(seen.end()).setCue(seen.cue()).setSide(seen.side().label()).setSentiment(sentiment)
                    .setPush(scored.push()).build());
        }
        return evidence;
    }
}
