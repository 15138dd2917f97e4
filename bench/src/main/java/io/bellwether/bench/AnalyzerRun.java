package io.bellwether.bench;

import io.bellwether.avro.Article;
import io.bellwether.enrich.analysis.AnalysisResult;
import io.bellwether.enrich.analysis.Analyzer;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one shared {@link Analyzer} over the articles on a pool of {@code threads}: out come the rate, the per-article
 * processing times, the parsed-sentence count and each article's outcome for the quality comparison.
 */
public final class AnalyzerRun {
    static final String POOL_THREAD = "bench-pool-";

    private final String name;
    private final Analyzer analyzer;
    private final int threads;

    public AnalyzerRun(String name, Analyzer analyzer, int threads) {
        this.name = name;
        this.analyzer = analyzer;
        this.threads = threads;
    }

    /** The figures of one run; {@code failed} counts articles the analyzer turned into a failure. */
    public record Result(Throughput throughput, long parsed, int failed, Percentiles processingMs,
                         Map<String, ArticleOutcome> outcomes, ThreadCpu.Usage cpu) {
    }

    /** Analyses the first {@code count} articles untimed, so the JIT has compiled the hot paths before a timed run. */
    public AnalyzerRun warmUp(List<Article> articles, int count) {
        articles.stream().limit(count).forEach(analyzer::analyze);
        return this;
    }

    public Result run(List<Article> articles, PrintWriter progress) throws InterruptedException {
        Map<String, ArticleOutcome> outcomes = new ConcurrentHashMap<>();
        Queue<Long> times = new ConcurrentLinkedQueue<>();
        AtomicLong sentences = new AtomicLong();
        AtomicLong parsed = new AtomicLong();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger named = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads,
                task -> new Thread(task, POOL_THREAD + named.incrementAndGet()));
        ThreadCpu cpu = new ThreadCpu();
        long started = System.nanoTime();
        for (Article article : articles) {
            pool.execute(() -> {
                AnalysisResult result = analyzer.analyze(article);
                times.add(result.processingMs());
                if (result instanceof AnalysisResult.Enriched enriched) {
                    sentences.addAndGet(enriched.stats().sentences());
                    parsed.addAndGet(enriched.stats().parsed());
                    outcomes.put(article.getId(), ArticleOutcome.of(enriched.article()));
                } else {
                    failed.incrementAndGet();
                }
                Progress.tick(progress, name, done.incrementAndGet(), articles.size(), started);
            });
        }
        // Measured before shutdown lets the pool threads end: a finished thread's CPU time can no longer be read.
        ThreadCpu.Usage usage = awaitLast(done, articles.size(), cpu);
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.DAYS);
        long elapsed = System.nanoTime() - started;
        return new Result(new Throughput(articles.size(), sentences.get(), elapsed), parsed.get(), failed.get(),
                Percentiles.of(times), outcomes, usage);
    }

    private static ThreadCpu.Usage awaitLast(AtomicInteger done, int total, ThreadCpu cpu) throws InterruptedException {
        while (done.get() < total) {
            Thread.sleep(5);
        }
        return cpu.since();
    }
}
