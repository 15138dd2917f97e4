package io.bellwether.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NoveltyTest {
    private static final Duration DAY = Duration.ofHours(24);
    private static final long HOUR = 3_600_000;

    @Test
    void anExactCopyAtOnceHasNoNoveltyAndRegainsItLinearlyOverTheHorizon() {
        assertThat(Novelty.of(1.0, 0, DAY)).isZero();
        assertThat(Novelty.of(1.0, 6 * HOUR, DAY)).isCloseTo(0.25, within(1e-12));
        assertThat(Novelty.of(1.0, 24 * HOUR, DAY)).isEqualTo(1.0);
        assertThat(Novelty.of(1.0, 48 * HOUR, DAY)).isEqualTo(1.0);
    }

    @Test
    void aLooserRewriteKeepsMoreNovelty() {
        assertThat(Novelty.of(0.6, 0, DAY)).isCloseTo(0.4, within(1e-12));
        assertThat(Novelty.of(0.6, 12 * HOUR, DAY)).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void staysInTheUnitIntervalForOutOfRangeInputs() {
        assertThat(Novelty.of(1.5, -HOUR, DAY)).isZero();
        assertThat(Novelty.of(-0.5, 0, DAY)).isEqualTo(1.0);
    }
}
