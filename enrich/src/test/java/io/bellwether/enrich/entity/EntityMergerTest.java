package io.bellwether.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityMergerTest {
    private final EntityMerger merger = new EntityMerger(Map.of("meta platforms", "Meta", "cz", "Changpeng Zhao"));

    private static EntityMention mention(String text, String type, int sentence) {
        return new EntityMention(text, type, sentence, 0, 0, null);
    }

    @Test
    void mapsAliasesToTheirCanonicalName() {
        List<EntityMerger.MergedEntity> merged = merger.merge(List.of(
                mention("Meta Platforms", "ORGANIZATION", 0), mention("CZ", "PERSON", 1),
                mention("Changpeng Zhao", "PERSON", 2)));

        assertThat(merged).extracting(EntityMerger.MergedEntity::name).containsExactly("Meta", "Changpeng Zhao");
        assertThat(merged.get(1).mentions()).isEqualTo(2);
        assertThat(merged.get(1).firstSentence()).isEqualTo(1);
    }

    @Test
    void mergesALaterSurnameIntoTheFullNameSeenEarlier() {
        List<EntityMerger.MergedEntity> merged = merger.merge(List.of(
                mention("Paolo Ardoino", "PERSON", 0), mention("Ardoino", "PERSON", 3)));

        assertThat(merged).singleElement().satisfies(entity -> {
            assertThat(entity.name()).isEqualTo("Paolo Ardoino");
            assertThat(entity.mentions()).isEqualTo(2);
            assertThat(entity.sentences()).containsExactlyInAnyOrder(0, 3);
        });
    }

    @Test
    void normalisesCaseWhitespaceAndPossessives() {
        List<EntityMerger.MergedEntity> merged = merger.merge(List.of(
                mention("Hugging  Face", "ORGANIZATION", 0), mention("HUGGING FACE's", "ORGANIZATION", 1)));

        assertThat(merged).singleElement().satisfies(entity -> {
            assertThat(entity.name()).isEqualTo("Hugging Face");
            assertThat(entity.mentions()).isEqualTo(2);
        });
    }

    @Test
    void keepsTheGazetteerNameOfAMatchedMention() {
        List<EntityMerger.MergedEntity> merged = merger.merge(List.of(
                new EntityMention("Mistral", "ORGANIZATION", 0, 0, 0, "Mistral AI")));

        assertThat(merged).extracting(EntityMerger.MergedEntity::name).containsExactly("Mistral AI");
    }

    @Test
    void doesNotMergeASurnameSeenBeforeTheFullName() {
        List<EntityMerger.MergedEntity> merged = merger.merge(List.of(
                mention("Ardoino", "PERSON", 0), mention("Paolo Ardoino", "PERSON", 1)));

        assertThat(merged).hasSize(2);
    }
}
