package io.bellwether.aggregate.query;

import static io.bellwether.aggregate.Articles.NARRATIVE;
import static io.bellwether.aggregate.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.aggregate.AggregateConfig;
import io.bellwether.aggregate.AggregateKeys;
import io.bellwether.aggregate.ScoringDriver;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowTalliesTest {
    static final AggregateConfig CONFIG = AggregateKeys.config(Map.of(AggregateKeys.WINDOWS.name(), "PT1H/PT30M"));

    static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void keepsAClosedWindowAsItsFinalHadItWhenAPartlyLateArticleFillsItsPanes() {
        try (ScoringDriver driver = new ScoringDriver(CONFIG)) {
            driver.pipe(article("a", "2026-10-04T09:10:00Z").signal(0.5, 1.0, "open"),
                    article("b", "2026-10-04T11:00:00Z").signal(0.0, 1.0, "neutral"),
                    // Misses the closed 09:00 window (final out with a alone) and the closed, empty 09:30 one.
                    article("partly", "2026-10-04T10:20:00Z").signal(1.0, 1.0, "open"));
            WindowTallies tallies = TallyStores.byName(name -> driver.driver().getWindowStore(name))
                    .narratives(CONFIG.primaryWindow());

            assertThat(tallies.windows(Optional.of(NARRATIVE), 0, Long.MAX_VALUE))
                    .extracting(w -> Instant.ofEpochMilli(w.start()) + ":" + w.tally().articles() + ":"
                            + w.tally().finished())
                    .containsExactly("2026-10-04T08:30:00Z:1:true", "2026-10-04T09:00:00Z:1:true",
                            "2026-10-04T10:00:00Z:1:false", "2026-10-04T10:30:00Z:1:false",
                            "2026-10-04T11:00:00Z:1:false");
            assertThat(tallies.window(NARRATIVE, at("2026-10-04T09:30:00Z"))).isNull();
            assertThat(tallies.window(NARRATIVE, at("2026-10-04T10:00:00Z")).late()).isZero();
            assertThat(tallies.window(NARRATIVE, at("2026-10-04T10:30:00Z")).late()).isEqualTo(1);
        }
    }
}
