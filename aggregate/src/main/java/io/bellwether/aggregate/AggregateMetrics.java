package io.bellwether.aggregate;

import io.bellwether.avro.NarrativeScore;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Meters of the aggregation: gauges of the latest final stance and volume per narrative (primary window),
 * counters of emitted windows and of late articles. The stream threads report in; registries read out.
 */
public final class AggregateMetrics implements MeterBinder {
    private final String primaryWindow;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
    private final Map<String, Latest> latest = new ConcurrentHashMap<>();
    private final Map<List<String>, AtomicLong> emitted = new ConcurrentHashMap<>();
    private final Map<List<String>, AtomicLong> late = new ConcurrentHashMap<>();
    private final AtomicLong articlesRead = new AtomicLong();
    private final AtomicLong lateTotal = new AtomicLong();

    /** Gauge values of one narrative; written by one stream thread, read by scrapes. */
    private static final class Latest {
        private volatile double stance;
        private volatile double articles;
    }

    public AggregateMetrics(AggregateConfig config) {
        this.primaryWindow = config.primaryWindow().label();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        registries.add(registry);
        FunctionCounter.builder("bellwether.aggregate.articles", articlesRead, AtomicLong::doubleValue)
                .description("Enriched articles read by the aggregation (including undecodable ones)")
                .register(registry);
        // Registered up front (the per-narrative series appear with the first late article), so a dashboard
        // shows zero rather than no data.
        FunctionCounter.builder("bellwether.aggregate.late", lateTotal, AtomicLong::doubleValue)
                .description("Articles that missed at least one closed window, all narratives and windows")
                .register(registry);
        latest.forEach((narrative, values) -> registerGauges(registry, narrative, values));
        emitted.forEach((tags, count) -> registerEmitted(registry, tags, count));
        late.forEach((tags, count) -> registerLate(registry, tags, count));
    }

    /** An enriched record reached the aggregation. */
    public void articleRead() {
        articlesRead.incrementAndGet();
    }

    /** A record left the topology; a final one of the primary window also moves the narrative gauges. */
    public void windowEmitted(NarrativeScore score) {
        List<String> tags = List.of(Boolean.toString(score.getFinal$()), score.getWindowSize());
        counter(emitted, tags, this::registerEmitted).incrementAndGet();
        if (score.getFinal$() && score.getWindowSize().equals(primaryWindow)) {
            Latest values = latest.computeIfAbsent(score.getNarrative(), narrative -> {
                Latest fresh = new Latest();
                registries.forEach(registry -> registerGauges(registry, narrative, fresh));
                return fresh;
            });
            values.stance = score.getWeightedStance();
            values.articles = score.getArticleCount();
        }
    }

    /** An article of {@code narrative} missed at least one closed window of the family {@code window}. */
    public void lateArticle(String narrative, String window) {
        counter(late, List.of(narrative, window), this::registerLate).incrementAndGet();
        lateTotal.incrementAndGet();
    }

    private AtomicLong counter(Map<List<String>, AtomicLong> counters, List<String> tags,
                               Registration registration) {
        return counters.computeIfAbsent(tags, key -> {
            AtomicLong fresh = new AtomicLong();
            registries.forEach(registry -> registration.register(registry, key, fresh));
            return fresh;
        });
    }

    private interface Registration {
        void register(MeterRegistry registry, List<String> tags, AtomicLong count);
    }

    private void registerGauges(MeterRegistry registry, String narrative, Latest values) {
        Gauge.builder("bellwether.aggregate.narrative.stance", values, v -> v.stance)
                .description("Confidence-weighted stance of the latest final primary window (+1 = open side)")
                .tag("narrative", narrative).register(registry);
        Gauge.builder("bellwether.aggregate.narrative.articles", values, v -> v.articles)
                .description("Article count of the latest final primary window")
                .tag("narrative", narrative).register(registry);
    }

    private void registerEmitted(MeterRegistry registry, List<String> tags, AtomicLong count) {
        FunctionCounter.builder("bellwether.aggregate.windows.emitted", count, AtomicLong::get)
                .description("Narrative score records emitted, early updates and finals")
                .tags("final", tags.get(0), "window", tags.get(1)).register(registry);
    }

    private void registerLate(MeterRegistry registry, List<String> tags, AtomicLong count) {
        FunctionCounter.builder("bellwether.aggregate.late.articles", count, AtomicLong::get)
                .description("Articles that arrived after the grace period of at least one of their windows")
                .tags("narrative", tags.get(0), "window", tags.get(1)).register(registry);
    }
}
