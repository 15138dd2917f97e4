package io.bellwether.bench;

import io.bellwether.avro.Article;
import io.bellwether.enrich.analysis.Analyzer;
import io.bellwether.enrich.analysis.ArticleAnalyzer;
import io.bellwether.enrich.analysis.SentenceCache;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tuning ideas of the enrich service, each run back to back with its baseline on all articles: the sentence
 * cache off against on (rate and whether the outcomes change), and the stream with other Kafka settings against the
 * defaults, the defaults run again at the end to show how far the shared machine drifted meanwhile.
 */
final class TuningIdeas {
    /** Stream variants: a name and the settings that differ from the service defaults. */
    static final Map<String, Map<String, String>> STREAM_VARIANTS = variants();

    private final EnrichBench bench;
    private final ArticleAnalyzer analyzer;

    TuningIdeas(EnrichBench bench, ArticleAnalyzer analyzer) {
        this.bench = bench;
        this.analyzer = analyzer;
    }

    private static Map<String, Map<String, String>> variants() {
        Map<String, Map<String, String>> variants = new LinkedHashMap<>();
        variants.put("commit.interval.ms 5000", Map.of("kafka.commit.interval.ms", "5000"));
        variants.put("commit.interval.ms 200", Map.of("kafka.commit.interval.ms", "200"));
        variants.put("max.poll.records 5", Map.of("kafka.max.poll.records", "5"));
        // More threads than cores: each input partition gets its own thread, so none sits idle while others drain.
        variants.put("streams.threads 6 (one per input partition)", Map.of("streams.threads", "6"));
        variants.put("defaults again", Map.of());
        return variants;
    }

    void run(List<Article> articles, AnalyzerRun.Result pooled, StreamRun.Result stream, Throughput stock)
            throws InterruptedException {
        cacheIdea(articles, stock);
        if (stream != null) {
            streamIdeas(articles, stream, stock);
        }
    }

    private void cacheIdea(List<Article> articles, Throughput stock) throws InterruptedException {
        int threads = bench.threads();
        Analyzer uncached = analyzer.withSentenceCache(SentenceCache.disabled());
        AnalyzerRun.Result off = new AnalyzerRun("cache off", uncached, threads).run(articles, bench.out());
        bench.report("idea sentence cache off, " + threads + " threads", off, stock);
        AnalyzerRun.Result on = bench.cold(() -> new AnalyzerRun("cache on", analyzer, threads)
                .run(articles, bench.out()));
        bench.report("idea sentence cache on (the default), " + threads + " threads", on, stock);
        bench.line("idea sentence cache: on/off %.2fx (sentences/s), %.2fx (sentences per CPU-second); outcomes"
                        + " of on against off: %s", on.throughput().ratioTo(off.throughput()),
                perCpu(on) / perCpu(off), Quality.compare(on.outcomes(), off.outcomes()).describe());
    }

    private void streamIdeas(List<Article> articles, StreamRun.Result defaults, Throughput stock)
            throws InterruptedException {
        double base = defaults.nanos();
        for (var variant : STREAM_VARIANTS.entrySet()) {
            StreamRun.Result result = bench.stream(new StreamRun(analyzer, bench.threads(), variant.getValue(),
                    bench.cache()), "idea stream " + variant.getKey(), articles, stock);
            bench.line("idea stream %s: %.2fx the (c) defaults' rate", variant.getKey(), base / result.nanos());
        }
    }

    private static double perCpu(AnalyzerRun.Result result) {
        return result.throughput().sentences() / result.cpu().processSeconds();
    }
}
