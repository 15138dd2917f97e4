package io.bellwether.enrich.stream;

import io.bellwether.enrich.analysis.AnalysisResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;

/**
 * The enrichment meters: analysis latency, articles enriched, sentences parsed versus given the cheap fallback,
 * and dead letters by reason (a bounded set of codes). Bound to a registry by {@link #bindTo(MeterRegistry)}.
 */
public final class EnrichMetrics implements MeterBinder {
    private volatile MeterRegistry registry = new SimpleMeterRegistry();

    @Override
    public void bindTo(MeterRegistry target) {
        this.registry = target;
    }

    void enriched(long processingMs, AnalysisResult.RunStats stats) {
        Timer.builder("bellwether.enrich.latency").description("Time to analyse one article")
                .publishPercentileHistogram().register(registry).record(Duration.ofMillis(processingMs));
        Counter.builder("bellwether.enrich.articles").description("Articles enriched").register(registry).increment();
        Counter.builder("bellwether.enrich.sentences").description("Selected sentences by treatment")
                .tag("pass", "parsed").register(registry).increment(stats.parsed());
        Counter.builder("bellwether.enrich.sentences").description("Selected sentences by treatment")
                .tag("pass", "fallback").register(registry).increment(stats.fallback());
        // Sentences without a cue or tracked entity get the cheap pass only (tokens, NER): no parse at all.
        Counter.builder("bellwether.enrich.sentences").description("Selected sentences by treatment")
                .tag("pass", "skipped").register(registry)
                .increment(Math.max(0, stats.sentences() - stats.parsed() - stats.fallback()));
    }

    void deadLettered(String reason) {
        Counter.builder("bellwether.enrich.dead.letters").description("Records sent to the dead-letter topic")
                .tag("reason", reason).register(registry).increment();
    }
}
