package io.bellwether.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WindowSpecTest {
    static final WindowSpec HOUR_BY_FIVE = new WindowSpec(Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofDays(2));

    static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void aTimestampFallsInSizeOverAdvanceWindows() {
        assertThat(HOUR_BY_FIVE.startsContaining(at("2026-10-04T09:07:00Z"))).hasSize(12)
                .startsWith(at("2026-10-04T09:05:00Z")).endsWith(at("2026-10-04T08:10:00Z"));
    }

    @Test
    void aWindowIncludesItsStartAndExcludesItsEnd() {
        assertThat(HOUR_BY_FIVE.startsContaining(at("2026-10-04T10:00:00Z")))
                .contains(at("2026-10-04T10:00:00Z")).doesNotContain(at("2026-10-04T09:00:00Z"));
    }

    @Test
    void momentumLooksOneSizeBack() {
        assertThat(HOUR_BY_FIVE.previousStart(at("2026-10-04T09:05:00Z"))).isEqualTo(at("2026-10-04T08:05:00Z"));
    }

    @Test
    void namesStoresAndLabelAfterTheSize() {
        assertThat(HOUR_BY_FIVE.label()).isEqualTo("PT1H");
        assertThat(HOUR_BY_FIVE.storeName()).isEqualTo("aggregate-windows-pt1h");
        assertThat(HOUR_BY_FIVE.paneStoreName()).isEqualTo("aggregate-panes-pt1h");
        assertThat(HOUR_BY_FIVE.storyStoreName()).isEqualTo("aggregate-stories-pt1h");
    }

    @Test
    void putsATimestampInThePaneOfItsAdvance() {
        assertThat(HOUR_BY_FIVE.paneOf(at("2026-10-04T09:07:30Z"))).isEqualTo(at("2026-10-04T09:05:00Z"));
        assertThat(HOUR_BY_FIVE.paneOf(at("2026-10-04T09:05:00Z"))).isEqualTo(at("2026-10-04T09:05:00Z"));
    }

    @Test
    void rejectsSizesThatAreNotAMultipleOfTheAdvance() {
        assertThatThrownBy(() -> new WindowSpec(Duration.ofMinutes(60), Duration.ofMinutes(7), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple");
    }
}
