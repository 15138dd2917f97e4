package io.bellwether.aggregate;

import static io.bellwether.aggregate.Articles.NARRATIVE;
import static io.bellwether.aggregate.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.bellwether.avro.EntityScore;
import io.bellwether.avro.NarrativeScore;
import io.bellwether.runtime.config.ConfigException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
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

    /** One article of the property test below: its event time, story and the entities it names. */
    private record Placed(long at, String story, Set<String> entities) {
    }

    /**
     * Stories that span panes, windows and window families, articles arriving out of order within the grace (so a
     * pane often comes after a later one of its story): every final, narrative and entity, counts the distinct
     * stories of its own articles, as a brute-force count over the articles says.
     */
    @Test
    void everyFinalCountsTheDistinctStoriesOfItsArticlesWhateverTheOrderTheyCameIn() {
        Random random = new Random(23);
        Instant start = Instant.parse("2026-10-04T06:00:00Z");
        String[] names = {"Meta", "OpenAI", "Mistral", "Anthropic"};
        List<Placed> placed = new ArrayList<>();
        List<Map.Entry<Long, Articles>> arrivals = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            long at = start.toEpochMilli() + random.nextInt(5 * 3600) * 1000L;
            // Four stories with an article every five minutes or so, and thirty sparse ones, some an hour apart.
            String story = "story-" + (random.nextBoolean() ? random.nextInt(4) : 4 + random.nextInt(30));
            Articles article = article("a" + i, Instant.ofEpochMilli(at).toString())
                    .signal(random.nextDouble() * 2 - 1, 1.0, "neutral").story(story, 0.5);
            Set<String> named = new TreeSet<>();
            for (int e = 0; e < random.nextInt(3); e++) {
                String name = names[random.nextInt(names.length)];
                if (named.add(name)) {
                    article.entity(name, 1, 0, "open");
                }
            }
            placed.add(new Placed(at, story, named));
            arrivals.add(Map.entry(at + (long) (random.nextDouble() * 9 * 60_000), article));
        }
        arrivals.sort(Map.Entry.comparingByKey());
        try (ScoringDriver driver = new ScoringDriver(AggregateConfig.defaults())) {
            arrivals.forEach(arrival -> driver.pipe(arrival.getValue()));
            driver.pipe(article("flush", start.plus(Duration.ofDays(3)).toString()).signal(0, 1, "neutral"));
            List<NarrativeScore> finals = driver.narrativeFinals().values().stream()
                    .filter(score -> score.getWindowStart().isBefore(start.plus(Duration.ofDays(1)))).toList();
            assertThat(finals).hasSizeGreaterThan(80);
            for (NarrativeScore score : finals) {
                assertThat(score.getStoryCount()).as("stories of %s %s", score.getWindowSize(), score.getWindowStart())
                        .isEqualTo(stories(placed, score.getWindowStart(), score.getWindowEnd(), null));
            }
            List<EntityScore> entities = driver.entityRecords().stream().filter(kv -> kv.value.getFinal$())
                    .map(kv -> kv.value).toList();
            assertThat(entities).hasSizeGreaterThan(100);
            for (EntityScore score : entities) {
                assertThat(score.getStoryCount()).as("stories of %s in %s %s", score.getEntity(),
                        score.getWindowSize(), score.getWindowStart()).isEqualTo(stories(placed,
                        score.getWindowStart(), score.getWindowEnd(), score.getEntity()));
            }
        }
    }

    private static long stories(List<Placed> placed, Instant from, Instant to, String entity) {
        return placed.stream().filter(p -> p.at() >= from.toEpochMilli() && p.at() < to.toEpochMilli())
                .filter(p -> entity == null || p.entities().contains(entity)).map(Placed::story).distinct().count();
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
