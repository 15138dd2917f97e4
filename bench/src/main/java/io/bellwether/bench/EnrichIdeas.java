package io.bellwether.bench;

import io.bellwether.avro.Article;
import io.bellwether.enrich.EnrichConfig;
import io.bellwether.enrich.analysis.Analyzer;
import io.bellwether.enrich.analysis.AnalyzerSettings;
import io.bellwether.enrich.corenlp.CoreNlpPipeline;
import io.bellwether.enrich.narrative.NarrativeFile;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The speed ideas, each measured once against its own baseline on the same text: shift-reduce against PCFG, the
 * analyzer's NER settings against CoreNLP's defaults, {@code parse.maxlen}, stream-thread counts, and the learned
 * stance layer against the threshold rule alone.
 */
final class EnrichIdeas {
    private static final List<Integer> MAX_LENS = List.of(40, 100);

    private final EnrichBench.Plan plan;
    private final PrintWriter out;
    private final NarrativeFile narratives;
    private final Throughput stock;
    private final List<Article> warmUp;
    private final Map<String, Map<String, ArticleOutcome>> variants = new LinkedHashMap<>();

    EnrichIdeas(EnrichBench.Plan plan, PrintWriter out, NarrativeFile narratives, Throughput stock,
                List<Article> warmUp) {
        this.warmUp = warmUp;
        this.plan = plan;
        this.out = out;
        this.narratives = narratives;
        this.stock = stock;
    }

    private List<Article> subset() {
        return plan.articles().subList(0, Math.min(plan.ideaArticles(), plan.articles().size()));
    }

    void pipelineIdeas(List<Article> stockSubset) {
        Throughput shiftReduce = StockPipeline.shiftReduce().run(warmUp, stockSubset, out).throughput();
        print("idea shift-reduce: stock pipeline with englishSR, 1 thread: %s; %.1fx the PCFG stock (a)",
                shiftReduce.describe(), shiftReduce.ratioTo(stock));
        StockPipeline.Result defaults = StockPipeline.cheapDefaultNer().run(warmUp, subset(), out);
        StockPipeline.Result tuned = StockPipeline.cheapTunedNer().run(warmUp, subset(), out);
        print("idea NER settings: cheap pass with CoreNLP default NER %s", defaults.throughput().describe());
        print("    with the analyzer's NER (3+4-class, no fine-grained/numeric/SUTime) %s; %.2fx; span F1 vs default"
                + " %.3f (micro, coarse types)", tuned.throughput().describe(),
                tuned.throughput().ratioTo(defaults.throughput()), spanF1(tuned.entities(), defaults.entities()));
    }

    void analyzerIdeas(Analyzer analyzer, Map<String, ArticleOutcome> pooled) throws InterruptedException {
        List<Article> subset = subset();
        Throughput base = runOn("maxlen 60 (default)", analyzer, plan.threads(), subset);
        variants.put("parse.maxlen 60 (default)", EnrichBench.only(pooled, subset));
        Throughput doubled = runOn("threads " + 2 * plan.threads(), analyzer, 2 * plan.threads(), subset);
        print("idea threads: %d threads %.2fx of %d threads on the same %d articles", 2 * plan.threads(),
                doubled.ratioTo(base), plan.threads(), subset.size());
        AnalyzerSettings defaults = EnrichConfig.defaults().analyzerSettings();
        for (int maxLen : MAX_LENS) {
            AnalyzerSettings settings = new AnalyzerSettings(defaults.maxChars(), maxLen, defaults.timeBudgetMs(),
                    defaults.minCueHits(), defaults.labelThreshold(), defaults.reportThreshold());
            AnalyzerRun.Result result = new AnalyzerRun("maxlen " + maxLen,
                    CoreNlpPipeline.analyzer(narratives, settings), plan.threads()).warmUp(subset, EnrichBench.WARM_UP)
                    .run(subset, out);
            variants.put("parse.maxlen " + maxLen, result.outcomes());
            print("idea parse.maxlen %d: %s, %d parsed; %.2fx the default (60)", maxLen,
                    result.throughput().describe(), result.parsed(), result.throughput().ratioTo(base));
        }
        stanceLayerIdea(subset);
    }

    /**
     * The learned stance layer (words and evidence) against the threshold rule alone: two fresh analyzers built the
     * same way but for the layer, each warmed up, on the same articles.
     */
    private void stanceLayerIdea(List<Article> subset) throws InterruptedException {
        AnalyzerSettings defaults = EnrichConfig.defaults().analyzerSettings();
        Throughput layered = freshRun("with the learned layer", narratives, defaults, subset);
        Throughput rule = freshRun("rule only", narratives.withoutStanceModels(), defaults, subset);
        print("idea learned stance layer: with it %s; threshold rule only %s; with / without %.2fx",
                layered.describe(), rule.describe(), layered.ratioTo(rule));
    }

    private Throughput freshRun(String name, NarrativeFile file, AnalyzerSettings settings, List<Article> subset)
            throws InterruptedException {
        return new AnalyzerRun(name, CoreNlpPipeline.analyzer(file, settings), plan.threads())
                .warmUp(subset, EnrichBench.WARM_UP).run(subset, out).throughput();
    }

    void qualityOfIdeas(Map<String, ArticleOutcome> reference) {
        variants.forEach((name, outcomes) -> print("quality of %s against the full pass: %s", name,
                Quality.compare(outcomes, reference).describe()));
    }

    private Throughput runOn(String name, Analyzer analyzer, int threads, List<Article> subset)
            throws InterruptedException {
        Throughput rate = new AnalyzerRun(name, analyzer, threads).run(subset, out).throughput();
        print("idea baseline %s, %d threads: %s", name, threads, rate.describe());
        return rate;
    }

    /** Micro-averaged F1 of the spans found against the reference spans, over the articles of the reference. */
    static double spanF1(Map<String, Set<String>> found, Map<String, Set<String>> reference) {
        long common = 0;
        long predicted = 0;
        long expected = 0;
        for (var entry : reference.entrySet()) {
            Set<String> got = found.getOrDefault(entry.getKey(), Set.of());
            Set<String> both = new HashSet<>(got);
            both.retainAll(entry.getValue());
            common += both.size();
            predicted += got.size();
            expected += entry.getValue().size();
        }
        return Quality.f1(common, predicted, expected);
    }

    private void print(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
