package io.bellwether.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class AggregateConfigTest {

    @Test
    void defaultsToHourAndDayWindowsWithTenMinutesGrace() {
        AggregateConfig config = AggregateConfig.defaults();
        assertThat(config.windows()).extracting(w -> w.size() + "/" + w.advance())
                .containsExactly("PT1H/PT5M", "PT24H/PT1H");
        assertThat(config.grace()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.windows().get(1).retention()).isEqualTo(Duration.ofHours(48).plusMinutes(10));
    }

    @Test
    void runsExactlyOnce() {
        assertThat(AggregateConfig.defaults().streamsProperties("b:9092", "h:1")).containsEntry(
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "h:1");
    }

    @Test
    void rejectsTwoWindowsOfTheSameSize() {
        assertThatThrownBy(() -> AggregateConfig.parse(Map.of(AggregateConfig.WINDOWS, "PT1H/PT5M,PT1H/PT10M")))
                .hasMessageContaining("two windows");
    }

    @Test
    void rejectsMalformedWindowsAndNonPositiveTopK() {
        assertThatThrownBy(() -> AggregateConfig.parse(Map.of(AggregateConfig.WINDOWS, "PT1H")))
                .hasMessageContaining("SIZE/ADVANCE");
        assertThatThrownBy(() -> AggregateConfig.parse(Map.of(AggregateConfig.TOP_ENTITIES, "0")))
                .hasMessageContaining(AggregateConfig.TOP_ENTITIES);
        assertThatThrownBy(() -> AggregateConfig.parse(Map.of(AggregateConfig.GRACE, "10 minutes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(AggregateConfig.GRACE);
    }
}
