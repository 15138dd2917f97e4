package io.bellwether.enrich.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.avro.Entity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityRecallTest {

    @Test
    void findsAGoldNameByTheCanonicalNameOrEitherNameHoldingTheOtherAsWords() {
        EntityRecall recall = new EntityRecall(Map.of("aws", "Amazon Web Services"));

        List<String> missed = recall.add(List.of("Meta Platforms", "mistral", "Yann LeCun", "Anthropic", "AWS"),
                List.of(entity("Meta"), entity("Mistral AI"), entity("Yann LeCun"), entity("Amazon Web Services")));

        assertThat(missed).containsExactly("Anthropic");
        assertThat(recall.found()).isEqualTo(4);
        assertThat(recall.gold()).isEqualTo(5);
        assertThat(recall.recall()).isEqualTo(0.8);
    }

    @Test
    void doesNotMatchInsideAWord() {
        assertThat(EntityRecall.matches("Meta", "Metaculus")).isFalse();
        assertThat(EntityRecall.matches("AI", "OpenAI")).isFalse();
    }

    private static Entity entity(String name) {
        return Entity.newBuilder().setName(name).setType("ORGANIZATION").setMentions(1).setFirstSentence(0)
                .setRelevance(50).setSentiment(0.0).setCamp("none").build();
    }
}
