package io.bellwether.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bellwether.enrich.EnrichKeys;
import io.bellwether.runtime.config.ConfigException;
import io.bellwether.runtime.config.ConfigSources;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorySettingsTest {

    @Test
    void theHorizonComesFromItsKeyAndDefaultsToADay() {
        assertThat(EnrichKeys.stories(settings(Map.of())).horizon()).isEqualTo(Duration.ofHours(24));
        assertThat(EnrichKeys.stories(settings(Map.of("enrich.story.horizon", "PT6H"))).horizon())
                .isEqualTo(Duration.ofHours(6));
    }

    @Test
    void refusesAHorizonOutOfRangeNamingTheKey() {
        assertThatThrownBy(() -> EnrichKeys.stories(settings(Map.of("enrich.story.horizon", "PT10S"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("enrich.story.horizon")
                .hasMessageContaining("PT1M");
        assertThatThrownBy(() -> EnrichKeys.stories(settings(Map.of("enrich.story.horizon", "P31D"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("P30D");
    }

    @Test
    void refusesInconsistentSettings() {
        Duration day = Duration.ofDays(1);
        assertThatThrownBy(() -> new StorySettings(day, 3, 65, 2, 0.5, 12, true, StorySettings.DEFAULT_ORDER_WAIT)).hasMessageContaining("bands");
        assertThatThrownBy(() -> new StorySettings(day, 3, 32, 2, 0.0, 12, true, StorySettings.DEFAULT_ORDER_WAIT)).hasMessageContaining("threshold");
        assertThat(StorySettings.defaults().slots()).isEqualTo(64);
    }

    private static Settings settings(Map<String, String> values) {
        return RuntimeKeys.definition().plus(EnrichKeys.all()).resolve(ConfigSources.flagsOnly(values));
    }
}
