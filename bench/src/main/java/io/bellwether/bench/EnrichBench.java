package io.bellwether.bench;

import io.bellwether.avro.Article;
import io.bellwether.enrich.EnrichConfig;
import io.bellwether.enrich.analysis.Analyzer;
import io.bellwether.enrich.analysis.AnalyzerSettings;
import io.bellwether.enrich.analysis.ArticleAnalyzer;
import io.bellwether.enrich.analysis.SentenceCache;
import io.bellwether.enrich.corenlp.CoreNlpPipeline;
import io.bellwether.enrich.narrative.NarrativeFile;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The enrich benchmark: the stock CoreNLP sentiment pipeline on a subset, the analyzer in one thread and on a pool,
 * the enrich stream on an embedded broker, then quality against the full pass; figures printed as they come.
 */
public final class EnrichBench {
    /** What to run: corpus, subset sizes, threads and the phases to skip. */
    public record Plan(List<Article> articles, int stockArticles, int ideaArticles, int fullPassArticles, int threads,
                       int streamWarmUp, int parseMaxTokens, boolean skipStream, boolean skipFullPass,
                       boolean skipIdeas, boolean tuningIdeas, Map<String, String> streamSettings) {
        public Plan {
            streamSettings = Map.copyOf(streamSettings);
        }
    }

    /** Articles each freshly loaded analyzer sees untimed before its first timed run. */
    static final int WARM_UP = 3;

    private final Plan plan;
    private final PrintWriter out;
    private final NarrativeFile narratives = NarrativeFile.load(Optional.empty());
    private final SentenceCache cache = new SentenceCache(EnrichConfig.DEFAULT_SENTENCE_CACHE_SIZE);
    /** The corpus's sentence count by the analyzer's splitter, from (b1); a stream run reports articles only. */
    private long corpusSentences;

    public EnrichBench(Plan plan, PrintWriter out) {
        this.plan = plan;
        this.out = out;
    }

    public void run() throws InterruptedException {
        List<Article> articles = plan.articles();
        List<Article> stockSubset = articles.subList(0, Math.min(plan.stockArticles(), articles.size()));
        line("machine: %d cores, max heap %d MB, %s; load %s", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, JvmSettings.describe(), SystemLoad.describe());
        line("corpus: %d articles; stock subset %d; threads %d", articles.size(), stockSubset.size(), plan.threads());
        Throughput stock = StockPipeline.stock().run(warmUpFor(stockSubset), stockSubset, out).throughput();
        line("(a) stock PCFG pipeline, 1 thread: %s", stock.describe());
        EnrichIdeas ideas = new EnrichIdeas(plan, out, narratives, stock, warmUpFor(stockSubset));
        if (!plan.skipIdeas()) {
            ideas.pipelineIdeas(stockSubset);
        }
        AnalyzerSettings defaults = EnrichConfig.defaults().analyzerSettings();
        AnalyzerSettings settings = new AnalyzerSettings(defaults.maxChars(), plan.parseMaxTokens(),
                defaults.timeBudgetMs(), defaults.minCueHits(), defaults.labelThreshold(), defaults.reportThreshold());
        AnalyzerRun.Result pooled = analyzerPhases(articles, settings, stock, ideas);
        if (!plan.skipFullPass()) {
            fullPass(articles, settings, pooled, ideas);
        }
        line("load at end: %s", SystemLoad.describe());
    }

    /** (b1), (b2) and (c) on one analyzer with the service defaults, then the ideas that need it; (b2) out. */
    private AnalyzerRun.Result analyzerPhases(List<Article> articles, AnalyzerSettings settings, Throughput stock,
                                              EnrichIdeas ideas) throws InterruptedException {
        line("  loading the analyzer (%s, sentence cache %d)...", settings.describe(),
                EnrichConfig.DEFAULT_SENTENCE_CACHE_SIZE);
        ArticleAnalyzer analyzer = CoreNlpPipeline.analyzer(narratives, settings, cache);
        AnalyzerRun single = new AnalyzerRun("analyzer 1 thread", analyzer, 1).warmUp(articles, WARM_UP);
        AnalyzerRun.Result b1 = cold(() -> single.run(articles, out));
        report("(b1) analyzer, 1 thread", b1, stock);
        corpusSentences = b1.throughput().sentences();
        AnalyzerRun.Result pooled = cold(() -> new AnalyzerRun("analyzer " + plan.threads() + " threads", analyzer,
                plan.threads()).run(articles, out));
        report("(b2) analyzer, " + plan.threads() + " threads sharing one analyzer", pooled, stock);
        StreamRun.Result stream = null;
        if (!plan.skipStream()) {
            if (!plan.streamSettings().isEmpty()) {
                line("(c) with %s", new TreeMap<>(plan.streamSettings()));
            }
            stream = stream(new StreamRun(analyzer, plan.threads(), plan.streamSettings(), cache), "(c)", articles,
                    stock);
        }
        if (plan.tuningIdeas()) {
            new TuningIdeas(this, analyzer).run(articles, pooled, stream, stock);
        }
        if (!plan.skipIdeas()) {
            ideas.analyzerIdeas(analyzer, pooled.outcomes());
        }
        return pooled;
    }

    /** A phase that starts with an empty sentence cache, its hits printed after. */
    <T> T cold(Phase<T> phase) throws InterruptedException {
        cache.clear();
        T result = phase.run();
        SentenceCache.Stats stats = cache.stats();
        line("    sentence cache: %d hits of %d lookups", stats.hits(), stats.hits() + stats.misses());
        return result;
    }

    /** One timed phase. */
    interface Phase<T> {
        T run() throws InterruptedException;
    }

    StreamRun.Result stream(StreamRun run, String label, List<Article> articles, Throughput stock)
            throws InterruptedException {
        // Drop the garbage of the earlier phases so the heap figures below are the stream's own.
        System.gc();
        StreamRun.Result result = run.run(articles.subList(0, Math.min(plan.streamWarmUp(), articles.size())),
                articles, out);
        SentenceCache.Stats stats = cache.stats();
        Throughput rate = new Throughput(result.enriched() + result.deadLetters(), corpusSentences, result.nanos());
        line("%s enrich stream, embedded broker, %d stream threads: %s; %d enriched, %d dead letters", label,
                run.threads(), rate.describe(), result.enriched(), result.deadLetters());
        line("    sentence cache: %d hits of %d lookups", stats.hits(), stats.hits() + stats.misses());
        line("    analyzer time per article (header bellwether.processing-ms): %s", result.processingMs().describe());
        line("    append-to-read per article (all input appended up front, so queueing included): %s",
                result.endToEndMs().describe());
        line("    heap during (c), whole JVM, sampled every 50 ms: peak used %d MB, peak left after a GC %d MB",
                result.peakHeapBytes() >> 20, result.peakAfterGcBytes() >> 20);
        line("    CPU by thread from start to last read: %s; %.1f sentences per process CPU-second",
                result.cpu().describe(), rate.sentences() / result.cpu().processSeconds());
        line("    analyzer ms by input partition: %s", result.processingMsByPartition());
        result.threadTails().forEach(tail -> line("    %s", tail));
        line("    %s/a = %.1fx (sentences/s), %.1fx (articles/s)", label.replaceAll("[()]", ""), rate.ratioTo(stock),
                rate.articlesPerSecond() / stock.articlesPerSecond());
        return result;
    }

    private void fullPass(List<Article> articles, AnalyzerSettings settings, AnalyzerRun.Result pooled,
                          EnrichIdeas ideas) throws InterruptedException {
        Analyzer full = load(fullPassSettings(settings));
        List<Article> subset = articles.subList(0, Math.min(plan.fullPassArticles(), articles.size()));
        AnalyzerRun.Result reference = new AnalyzerRun("full pass", full, plan.threads()).warmUp(subset, 1)
                .run(subset, out);
        line("full pass (PCFG on every sentence, %d threads): %s, %d of %d sentences parsed",
                plan.threads(), reference.throughput().describe(), reference.parsed(),
                reference.throughput().sentences());
        line("quality of (b2) (default analyzer) against the full pass: %s",
                Quality.compare(pooled.outcomes(), reference.outcomes()).describe());
        ideas.qualityOfIdeas(reference.outcomes());
    }

    int threads() {
        return plan.threads();
    }

    PrintWriter out() {
        return out;
    }

    SentenceCache cache() {
        return cache;
    }

    /** One article from just past {@code subset}, so a stock pipeline is warm before its timed run. */
    List<Article> warmUpFor(List<Article> subset) {
        List<Article> articles = plan.articles();
        return articles.size() > subset.size() ? List.of(articles.get(subset.size())) : List.of();
    }

    /** The analyzer settings of the full pass: every sentence, PCFG, and no time budget to cut it short. */
    static AnalyzerSettings fullPassSettings(AnalyzerSettings settings) {
        return new AnalyzerSettings(settings.maxChars(), settings.parseMaxTokens(), 3_600_000, settings.minCueHits(),
                settings.labelThreshold(), settings.reportThreshold()).withFullPass();
    }

    private Analyzer load(AnalyzerSettings settings) {
        line("  loading the analyzer (%s)...", settings.describe());
        return CoreNlpPipeline.analyzer(narratives, settings);
    }

    void report(String label, AnalyzerRun.Result result, Throughput stock) {
        line("%s: %s; %d sentences parsed, %d failed; ratio to (a) %.1fx", label, result.throughput().describe(),
                result.parsed(), result.failed(), result.throughput().ratioTo(stock));
        line("    analyzer time per article: %s", result.processingMs().describe());
        line("    CPU by thread: %s; %.1f sentences per process CPU-second", result.cpu().describe(),
                result.throughput().sentences() / result.cpu().processSeconds());
    }

    void line(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }

    static Map<String, ArticleOutcome> only(Map<String, ArticleOutcome> outcomes, List<Article> subset) {
        return subset.stream().map(Article::getId).filter(outcomes::containsKey)
                .collect(Collectors.toMap(id -> id, outcomes::get));
    }
}
