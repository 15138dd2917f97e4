package io.bellwether.ingest.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTimesTest {
    private final EventTimes times = new EventTimes();

    @Test
    void readsIsoInstantsAndOffsets() {
        assertThat(times.parse("2025-03-04T05:06:07Z")).isEqualTo(Instant.parse("2025-03-04T05:06:07Z"));
        assertThat(times.parse("2025-03-04T07:06:07+02:00")).isEqualTo(Instant.parse("2025-03-04T05:06:07Z"));
        assertThat(times.parse("2025-03-04T05:06:07.250Z")).isEqualTo(Instant.parse("2025-03-04T05:06:07.250Z"));
    }

    @Test
    void takesTimesWithoutOffsetAsUtc() {
        assertThat(times.parse("2025-03-04T05:06:07")).isEqualTo(Instant.parse("2025-03-04T05:06:07Z"));
        assertThat(times.parse("2025-03-04 05:06:07")).isEqualTo(Instant.parse("2025-03-04T05:06:07Z"));
    }

    @Test
    void readsBareDatesAsMidnightUtc() {
        assertThat(times.parse("2025-03-04")).isEqualTo(Instant.parse("2025-03-04T00:00:00Z"));
    }

    @Test
    void readsRfc1123AsWrittenInRss() {
        assertThat(times.parse("Tue, 4 Mar 2025 05:06:07 GMT")).isEqualTo(Instant.parse("2025-03-04T05:06:07Z"));
    }

    @Test
    void readsDigitsAsEpochMilliseconds() {
        assertThat(times.parse("1741064767000")).isEqualTo(Instant.parse("2025-03-04T05:06:07Z"));
    }

    @Test
    void refusesText() {
        assertThatThrownBy(() -> times.parse("last Tuesday")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> times.parse("2025-13-45")).isInstanceOf(DateTimeException.class);
    }
}
