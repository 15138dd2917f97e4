package io.bellwether.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bellwether.runtime.config.ConfigException;
import java.time.Duration;
import java.util.Map;
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
    void keepsEachWindowForTheHistoryWhenThatIsLongerThanTwoSizesPlusGrace() {
        AggregateConfig config = AggregateKeys.config(Map.of(AggregateKeys.HISTORY.name(), "P7D",
                AggregateKeys.ENTITY_TYPES.name(), "person, organization"));
        assertThat(config.windows()).extracting(WindowSpec::retention).containsOnly(Duration.ofDays(7));
        assertThat(config.entityTypes()).containsExactlyInAnyOrder("PERSON", "ORGANIZATION");
    }

    @Test
    void takesAReplaysApplicationIdAndKeepsEverythingElse() {
        AggregateConfig replay = AggregateConfig.defaults().withApplicationId("bellwether-aggregate-replay-x");
        assertThat(replay.applicationId()).isEqualTo("bellwether-aggregate-replay-x");
        assertThat(replay.windows()).isEqualTo(AggregateConfig.defaults().windows());
    }

    @Test
    void rejectsTwoWindowsOfTheSameSize() {
        assertThatThrownBy(() -> AggregateKeys.config(Map.of(AggregateKeys.WINDOWS.name(), "PT1H/PT5M,PT1H/PT10M")))
                .hasMessageContaining("two windows");
    }

    @Test
    void rejectsMalformedWindowsAndNonPositiveTopK() {
        assertThatThrownBy(() -> AggregateKeys.config(Map.of(AggregateKeys.WINDOWS.name(), "PT1H")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid value 'PT1H' for aggregate.windows: must be a comma-separated list of"
                        + " SIZE/ADVANCE ISO-8601 durations such as PT1H/PT5M");
        assertThatThrownBy(() -> AggregateKeys.config(Map.of(AggregateKeys.WINDOWS.name(), "PT1H/PT7M")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("multiple of its advance");
        assertThatThrownBy(() -> AggregateKeys.config(Map.of(AggregateKeys.TOP_ENTITIES.name(), "0")))
                .hasMessageContaining(AggregateKeys.TOP_ENTITIES.name());
        assertThatThrownBy(() -> AggregateKeys.config(Map.of(AggregateKeys.GRACE.name(), "10 minutes")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(AggregateKeys.GRACE.name());
    }
}
