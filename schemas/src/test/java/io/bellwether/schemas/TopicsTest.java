package io.bellwether.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {
    private final Topics topics = new Topics();

    @Test
    void suffixesOutputTopicsButNotTheInput() {
        Topics replay = new Topics("rescore1");

        assertThat(replay.articles().name()).isEqualTo("news.articles");
        assertThat(replay.enriched().name()).isEqualTo("news.articles.enriched.rescore1");
        assertThat(replay.narrativeScores().name()).isEqualTo("news.narrative-scores.rescore1");
    }

    @Test
    void findsTheLongestCatalogNameForASuffixedTopic() {
        assertThat(topics.byName("news.articles.enriched.rescore1"))
                .hasValueSatisfying(topic -> assertThat(topic.valueSerde()).isInstanceOf(AvroSerde.class)
                        .extracting(serde -> ((AvroSerde<?>) serde).type().getSimpleName())
                        .isEqualTo("EnrichedArticle"));
        assertThat(topics.byName("news.articles")).hasValueSatisfying(
                topic -> assertThat(topic.name()).isEqualTo("news.articles"));
    }

    @Test
    void knowsNothingOfForeignTopics() {
        assertThat(topics.byName("weather.readings")).isEmpty();
    }
}
