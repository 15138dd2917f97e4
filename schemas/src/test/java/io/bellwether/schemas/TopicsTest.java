package io.bellwether.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class TopicsTest {
    private final Topics topics = new Topics();

    @Test
    void suffixesOutputTopicsButNotTheInput() {
        Topics replay = new Topics("rescore1");

        assertThat(replay.articles().name()).isEqualTo("news.articles");
        assertThat(replay.enriched().name()).isEqualTo("news.articles.enriched.rescore1");
        assertThat(replay.narrativeScores().name()).isEqualTo("news.narrative-scores.rescore1");
        assertThat(replay.deadLetter().name()).isEqualTo("news.dead-letter.rescore1");
        assertThat(topics.deadLetter().name()).isEqualTo("news.dead-letter");
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
    void encodesValuesAsSingleObjectsUnlessToldOtherwise() {
        assertThat(topics.valueSerdes()).isEqualTo(ValueSerdes.singleObject());
        assertThat(topics.narrativeScores().valueSerde()).isInstanceOf(AvroSerde.class);
    }

    @Test
    void givesEveryAvroTopicOfARegistryCatalogTheRegistrySerde() {
        URI registry = URI.create("http://registry.invalid:8080");
        Topics catalog = new Topics("rescore1", ValueSerdes.registry(registry));

        assertThat(catalog.all()).filteredOn(topic -> !topic.name().equals(Topics.INGEST_SEEN))
                .allSatisfy(topic -> assertThat(topic.valueSerde()).isInstanceOfSatisfying(RegistryAvroSerde.class,
                        serde -> assertThat(serde.registry()).isEqualTo(registry)));
        assertThat(catalog.byName("news.entity-scores.rescore1")).hasValueSatisfying(topic ->
                assertThat(topic.valueSerde()).isInstanceOf(RegistryAvroSerde.class));
    }

    @Test
    void knowsNothingOfForeignTopics() {
        assertThat(topics.byName("weather.readings")).isEmpty();
    }
}
