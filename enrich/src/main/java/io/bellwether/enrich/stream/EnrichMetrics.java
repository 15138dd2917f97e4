package io.bellwether.enrich.stream;

import io.bellwether.enrich.analysis.AnalysisResult;
import io.bellwether.enrich.analysis.ArticleAnalyzer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;

/**
 * The enrichment meters: analysis latency, articles enriched, sentences by treatment (parsed, fallback, or
 * skipped by the cheap pass) and dead letters by reason (a bounded set of codes; any other counts as
 * {@code other}), and enriched articles by story: {@code first} of a story or a {@code repeat} of an earlier one.
 * The known series are registered at bind time so dashboards show zeros, not gaps, before the first event.
 */
public final class EnrichMetrics implements MeterBinder {
    static final List<String> KNOWN_REASONS = List.of("undecodable", "analysis-failed", ArticleAnalyzer.TIMEOUT);
    /** The tag of a reason not in {@link #KNOWN_REASONS}, so an analyzer's new code cannot grow the series. */
    static final String OTHER_REASON = "other";
    private static final List<String> PASSES = List.of("parsed", "fallback", "skipped");
    private static final List<String> STORY_KINDS = List.of("first", "repeat");

    private volatile MeterRegistry registry = new SimpleMeterRegistry();

    @Override
    public void bindTo(MeterRegistry target) {
        this.registry = target;
        latency();
        articles();
        PASSES.forEach(pass -> sentences(pass));
        KNOWN_REASONS.forEach(reason -> deadLetters(reason));
        deadLetters(OTHER_REASON);
        STORY_KINDS.forEach(kind -> stories(kind));
    }

    void storyResolved(boolean repeat) {
        stories(repeat ? "repeat" : "first").increment();
    }

    void enriched(long processingMs, AnalysisResult.RunStats stats) {
        latency().record(Duration.ofMillis(processingMs));
        articles().increment();
        sentences("parsed").increment(stats.parsed());
        sentences("fallback").increment(stats.fallback());
        // Sentences without a cue or tracked entity get the cheap pass only (tokens, NER): no parse at all.
        sentences("skipped").increment(Math.max(0, stats.sentences() - stats.parsed() - stats.fallback()));
    }

    void deadLettered(String reason) {
        deadLetters(KNOWN_REASONS.contains(reason) ? reason : OTHER_REASON).increment();
    }

    private Timer latency() {
        return Timer.builder("bellwether.enrich.latency").description("Time to analyse one article")
                .publishPercentileHistogram().register(registry);
    }

    private Counter articles() {
        return Counter.builder("bellwether.enrich.articles").description("Articles enriched").register(registry);
    }

    private Counter sentences(String pass) {
        return Counter.builder("bellwether.enrich.sentences").description("Sentences by treatment")
                .tag("pass", pass).register(registry);
    }

    private Counter stories(String kind) {
        return Counter.builder("bellwether.enrich.stories").description("Enriched articles by story: first or repeat")
                .tag("kind", kind).register(registry);
    }

    private Counter deadLetters(String reason) {
        return Counter.builder("bellwether.enrich.dead.letters").description("Records sent to the dead-letter topic")
                .tag("reason", reason).register(registry);
    }
}
