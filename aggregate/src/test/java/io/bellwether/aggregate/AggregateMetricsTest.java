package io.bellwether.aggregate;

import static io.bellwether.aggregate.Articles.NARRATIVE;
import static io.bellwether.aggregate.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class AggregateMetricsTest {

    @Test
    void gaugesTheLatestFinalPrimaryWindowAndCountsEmissions() {
        AggregateConfig config = AggregateTopologyTest.CONFIG;
        AggregateMetrics metrics = new AggregateMetrics(config);
        try (ScoringDriver driver = new ScoringDriver(config, metrics)) {
            driver.pipe(article("a", "2026-10-04T09:10:00Z").signal(0.5, 1.0, "open"),
                    article("b", "2026-10-04T09:40:00Z").signal(-0.5, 1.0, "closed"),
                    article("c", "2026-10-04T11:00:00Z").signal(0.0, 1.0, "neutral"));
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            // Bound after the fact: meters created earlier must still appear.
            metrics.bindTo(registry);
            long finals = driver.narrativeRecords().stream().filter(kv -> kv.value.getFinal$()).count();
            assertThat(registry.get("bellwether.aggregate.windows.emitted").tags("final", "true", "window", "PT1H")
                    .functionCounter().count()).isEqualTo(finals);
            // The newest closed window is 09:30-10:30, holding article b only.
            assertThat(registry.get("bellwether.aggregate.narrative.stance").tag("narrative", NARRATIVE)
                    .gauge().value()).isEqualTo(-0.5);
            assertThat(registry.get("bellwether.aggregate.narrative.articles").tag("narrative", NARRATIVE)
                    .gauge().value()).isEqualTo(1.0);
        }
    }
}
