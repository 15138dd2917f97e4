package io.bellwether.aggregate;

import static io.bellwether.aggregate.Articles.NARRATIVE;
import static io.bellwether.aggregate.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.bellwether.avro.EntityScore;
import io.bellwether.avro.NarrativeScore;
import io.bellwether.runtime.config.ConfigException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stories in the scores: a window counts distinct stories beside articles, and a syndicated copy (novelty 0) adds
 * nothing to the weighted stance by default, while {@code aggregate.stance-weight=confidence} counts it fully.
 */
class StoryScoresTest {
    private static final String NINE = NARRATIVE + "@2026-10-04T09:00:00Z/PT1H";

    private static Map<String, NarrativeScore> finals(String stanceWeight, Map<String, EntityScore> entities) {
        Map<String, String> settings = new HashMap<>(Map.of(AggregateKeys.WINDOWS.name(), "PT1H/PT30M",
                AggregateKeys.UPDATE_INTERVAL.name(), "PT10M"));
        if (stanceWeight != null) {
            settings.put(AggregateKeys.STANCE_WEIGHT.name(), stanceWeight);
        }
        try (ScoringDriver driver = new ScoringDriver(AggregateKeys.config(settings))) {
            driver.pipe(article("wire", "2026-10-04T09:05:00Z").signal(1.0, 1.0, "open").entity("Meta", 1, 0, "open"),
                    article("copy", "2026-10-04T09:10:00Z").signal(1.0, 1.0, "open").entity("Meta", 1, 0, "open")
                            .story("wire", 0.0),
                    article("other", "2026-10-04T09:20:00Z").signal(-1.0, 1.0, "closed")
                            .entity("Meta", 1, 0, "open"),
                    article("closing", "2026-10-04T10:30:00Z").signal(0.0, 1.0, "neutral"));
            driver.entityRecords().stream().filter(kv -> kv.value.getFinal$())
                    .forEach(kv -> entities.put(kv.key, kv.value));
            return driver.narrativeFinals();
        }
    }

    @Test
    void aWindowCountsACopyAsAnArticleButNotAsAStoryAndItsStanceWeighsNothing() {
        Map<String, EntityScore> entities = new HashMap<>();
        NarrativeScore nine = finals(null, entities).get(NINE);

        assertThat(nine.getArticleCount()).isEqualTo(3);
        assertThat(nine.getStoryCount()).isEqualTo(2);
        assertThat(nine.getMeanStance()).isCloseTo(1.0 / 3, within(1e-6));
        // (1 x 1 x 1 + 1 x 1 x 0 - 1 x 1 x 1) / (1 + 0 + 1)
        assertThat(nine.getWeightedStance()).isCloseTo(0.0, within(1e-6));
        EntityScore meta = entities.get("Meta|" + NINE);
        assertThat(meta.getArticleCount()).isEqualTo(3);
        assertThat(meta.getStoryCount()).isEqualTo(2);
        assertThat(meta.getWeightedStance()).isCloseTo(0.0, within(1e-6));
    }

    @Test
    void confidenceAloneWeighsACopyLikeItsOriginal() {
        NarrativeScore nine = finals("confidence", new HashMap<>()).get(NINE);

        assertThat(nine.getStoryCount()).isEqualTo(2);
        assertThat(nine.getWeightedStance()).isCloseTo(1.0 / 3, within(1e-6));
    }

    @Test
    void refusesAnUnknownStanceWeightNamingTheKey() {
        assertThatThrownBy(() -> AggregateKeys.config(Map.of(AggregateKeys.STANCE_WEIGHT.name(), "copies")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("aggregate.stance-weight");
    }
}
