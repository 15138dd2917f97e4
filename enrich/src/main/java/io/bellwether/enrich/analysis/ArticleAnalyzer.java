package io.bellwether.enrich.analysis;

import io.bellwether.avro.Article;
import io.bellwether.enrich.narrative.CueIndex;
import io.bellwether.enrich.narrative.Gazetteer;
import io.bellwether.enrich.narrative.Narrative;
import io.bellwether.enrich.narrative.NarrativeFile;
import io.bellwether.enrich.stance.LexicalFeatures;
import io.bellwether.enrich.text.AnalysisInterrupted;
import io.bellwether.enrich.text.AnalyzedText;
import io.bellwether.enrich.text.Sentence;
import io.bellwether.enrich.text.Sentiment;
import io.bellwether.enrich.text.SentimentSource;
import io.bellwether.enrich.text.TextPipeline;
import io.bellwether.enrich.text.Token;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The {@link Analyzer} of the service: an article in, the cheap pass of a {@link TextPipeline} over its (capped)
 * title and body, then the {@link ArticleEnricher} asking for the costly sentiment of the sentences it selects,
 * each looked up in the {@link SentenceCache} first. A {@link Watchdog} holds every article to its time budget
 * inside the library calls. Holds no NLP library code; shared by all stream threads; close it to stop its watchdog.
 */
public final class ArticleAnalyzer implements Analyzer, AutoCloseable {
    /** Longest title analysed and emitted; a longer one is cut at the last blank before it and flagged truncated. */
    public static final int MAX_TITLE_CHARS = 1000;
    /** Dead-letter reason of an article whose cheap pass did not end within the time budget. */
    public static final String TIMEOUT = "analysis-timeout";

    private final TextPipeline pipeline;
    private final NarrativeFile file;
    private final ArticleEnricher enricher;
    private final AnalyzerSettings settings;
    private final PipelineVersion version;
    private final SentenceCache cache;
    private final Watchdog watchdog = new Watchdog();
    private final TokenLengthCap tokenCap = new TokenLengthCap();
    private final LexicalFeatures lexical = new LexicalFeatures();

    private ArticleAnalyzer(TextPipeline pipeline, NarrativeFile file, ArticleEnricher enricher,
                            AnalyzerSettings settings, SentenceCache cache) {
        this.pipeline = pipeline;
        this.file = file;
        this.enricher = enricher;
        this.settings = settings;
        this.cache = cache;
        List<String> parts = new ArrayList<>(pipeline.versionParts());
        parts.add(settings.describe());
        parts.add(file.fingerprint());
        this.version = PipelineVersion.of(parts);
    }

    /**
     * Wires the analysis for {@code file} on {@code pipeline}: cue phrases and gazetteer names are tokenised by the
     * same pipeline as the articles. The cache is not part of the pipeline version: a hit gives what the parse
     * would have given.
     */
    public static ArticleAnalyzer of(TextPipeline pipeline, NarrativeFile file, AnalyzerSettings settings,
                                     SentenceCache cache) {
        ArticleEnricher enricher = new ArticleEnricher(file, new CueIndex(file, pipeline),
                new Gazetteer(file, pipeline), settings, System::nanoTime);
        return new ArticleAnalyzer(pipeline, file, enricher, settings, cache);
    }

    /** This analyzer's loaded models and settings with another sentence cache (and its own watchdog). */
    public ArticleAnalyzer withSentenceCache(SentenceCache other) {
        return new ArticleAnalyzer(pipeline, file, enricher, settings, other);
    }

    /** This analyzer's loaded models with another per-article time budget, which enters the pipeline version. */
    public ArticleAnalyzer withTimeBudget(Duration budget) {
        AnalyzerSettings changed = settings.withTimeBudgetMs(budget.toMillis());
        return new ArticleAnalyzer(pipeline, file, enricher.withTimeBudget(changed.timeBudgetMs()), changed, cache);
    }

    @Override
    public String pipelineVersion() {
        return version.value();
    }

    /**
     * The enriched article, or a failure: {@link #TIMEOUT} when the budget ran out in the cheap pass (a budget
     * spent in the parse leaves the lexicon fallback for the sentences not parsed), {@code analysis-failed} for
     * any other exception. The calling thread is never left interrupted.
     */
    @Override
    public AnalysisResult analyze(Article article) {
        long started = System.nanoTime();
        try (Watchdog.Watch watch = watchdog.watch(Duration.ofMillis(settings.timeBudgetMs()))) {
            try {
                Prepared prepared = prepare(article, watch::expired);
                if (watch.expired()) {
                    // Some annotators swallow the interrupt and tag the rest of the text as unknown: not a reading.
                    return timedOut(article, started);
                }
                ArticleEnricher.Outcome outcome = enricher.enrich(prepared.article(), prepared.text(),
                        prepared.sentiment(), started, version.value());
                return new AnalysisResult.Enriched(outcome.article(), outcome.stats(), elapsedMs(started));
            } catch (RuntimeException e) {
                return watch.expired() ? timedOut(article, started) : new AnalysisResult.Failed("analysis-failed",
                        "CoreNLP analysis of article " + article.getId() + " failed: " + e, elapsedMs(started));
            }
        }
    }

    /** Stops the watchdog's thread. */
    @Override
    public void close() {
        watchdog.close();
    }

    /**
     * What a learned stance layer for {@code narrative} reads of {@code article}: the threshold rule's stance with
     * its evidence features, the article's word features and its length; empty when the article is about no
     * narrative of the file (too few cue phrases of each), so no layer would be asked. Used to fit layers.
     */
    public Optional<StanceReading> stanceReading(Article article, Narrative narrative) {
        Prepared prepared = prepare(article);
        List<Sentence> sentences = prepared.text().sentences();
        return enricher.stance(narrative.withoutStanceModel(), prepared.text(), prepared.sentiment())
                .map(rule -> new StanceReading(rule, lexical.of(sentences), sentences.stream()
                        .flatMap(sentence -> sentence.tokens().stream()).filter(LanguageGuess::isWord).count(),
                        enricher.aboutByCues(narrative, prepared.text())));
    }

    /**
     * The cheap pass over one article (as analysed: the title maybe cut) and the costly pass on demand; tuning
     * tools replay these offline.
     */
    record Prepared(Article article, AnalyzedText text, SentimentSource sentiment) {
    }

    Prepared prepare(Article article) {
        return prepare(article, () -> false);
    }

    private Prepared prepare(Article article, BooleanSupplier expired) {
        String title = article.getTitle();
        String body = article.getBody() == null ? "" : article.getBody();
        boolean titleCut = title.length() > MAX_TITLE_CHARS;
        boolean bodyCut = body.length() > settings.maxChars();
        String keptTitle = titleCut ? cut(title, MAX_TITLE_CHARS) : title;
        TokenLengthCap.Capped text = tokenCap.cap(keptTitle + "\n\n" + (bodyCut ? cut(body, settings.maxChars()) : body));
        TextPipeline.Annotated annotated = pipeline.annotate(text.text());
        SentimentSource parsed = annotated.sentiment();
        Article analysed = titleCut ? Article.newBuilder(article).setTitle(keptTitle).build() : article;
        return new Prepared(analysed, new AnalyzedText(text.text(), titleCut || bodyCut || text.capped(),
                annotated.sentences()), sentence -> cache.get(words(sentence), () -> parse(parsed, sentence, expired)));
    }

    /** A sentence's sentiment, refused once the budget is spent: so no interrupted parse reaches the cache. */
    private static Sentiment parse(SentimentSource parsed, Sentence sentence, BooleanSupplier expired) {
        if (expired.getAsBoolean()) {
            throw new AnalysisInterrupted("time budget spent before the parse of sentence " + sentence.index());
        }
        Sentiment sentiment = parsed.sentiment(sentence);
        if (expired.getAsBoolean()) {
            throw new AnalysisInterrupted("time budget spent during the parse of sentence " + sentence.index());
        }
        return sentiment;
    }

    List<Token> phraseTokens(String phrase) {
        return pipeline.tokens(phrase);
    }

    private AnalysisResult.Failed timedOut(Article article, long started) {
        return new AnalysisResult.Failed(TIMEOUT, "analysis of article " + article.getId() + " did not finish its"
                + " cheap pass within the time budget of " + settings.timeBudgetMs() + " ms (enrich.time-budget-ms)",
                elapsedMs(started));
    }

    private static List<String> words(Sentence sentence) {
        List<String> words = new ArrayList<>(sentence.tokens().size());
        sentence.tokens().forEach(token -> words.add(token.word()));
        return words;
    }

    /** Cuts at the last blank before {@code limit} so no word is split. */
    static String cut(String body, int limit) {
        int at = body.lastIndexOf(' ', limit);
        return body.substring(0, at > limit / 2 ? at : limit);
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000L;
    }
}
