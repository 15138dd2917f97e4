package io.bellwether.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.avro.Entity;
import io.bellwether.enrich.narrative.NarrativeFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntityRankerTest {
    private final EntityRanker ranker = new EntityRanker(NarrativeFile.defaults());

    private static EntityMerger.MergedEntity entity(String name, int mentions, int firstSentence) {
        return new EntityMerger.MergedEntity(name, "PERSON", mentions, firstSentence, Set.of(firstSentence));
    }

    private static List<EntityMerger.MergedEntity> distinctNames(int count) {
        List<EntityMerger.MergedEntity> entities = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entities.add(entity(String.format("Surname%04d", i), 1, i));
        }
        return entities;
    }

    @Test
    void keepsEveryEntityOfAnOrdinaryArticle() {
        List<Entity> ranked = ranker.rank(distinctNames(EntityRanker.MAX_ENTITIES), 200, Set.of(), Map.of());

        assertThat(ranked).hasSize(EntityRanker.MAX_ENTITIES);
    }

    @Test
    void keepsAtMostAHundredEntitiesOfAnArticleOfThousandsOfNames() {
        List<Entity> ranked = ranker.rank(distinctNames(3_000), 3_000, Set.of(), Map.of());

        assertThat(ranked).hasSize(100);
    }

    @Test
    void keepsTheMostMentionedThenTheEarliestThenByName() {
        List<EntityMerger.MergedEntity> entities = new ArrayList<>(distinctNames(150));
        entities.add(entity("Often Named", 9, 140));
        entities.add(entity("Zeta Tie", 1, 3));
        entities.add(entity("Alpha Tie", 1, 3));

        List<String> kept = ranker.rank(entities, 200, Set.of(), Map.of()).stream().map(Entity::getName).toList();

        assertThat(kept).hasSize(100).contains("Often Named", "Alpha Tie", "Zeta Tie", "Surname0000", "Surname0096")
                .doesNotContain("Surname0097", "Surname0149");
    }

    @Test
    void keepsTheSameEntitiesWhateverTheOrderTheyCameIn() {
        List<EntityMerger.MergedEntity> entities = new ArrayList<>(distinctNames(500));
        List<EntityMerger.MergedEntity> shuffled = new ArrayList<>(entities);
        Collections.reverse(shuffled);

        assertThat(ranker.rank(shuffled, 500, Set.of(), Map.of()))
                .containsExactlyElementsOf(ranker.rank(entities, 500, Set.of(), Map.of()));
    }
}
