package io.bellwether.enrich.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.avro.Entity;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityRecallTest {

    @Test
    void findsAGoldNameByTheCanonicalNameOrEitherNameHoldingTheOtherAsWords() {
        EntityRecall recall = new EntityRecall();

        List<String> missed = recall.add(List.of("Meta Platforms", "mistral", "Yann LeCun", "Anthropic"),
                List.of(entity("Meta"), entity("Mistral AI"), entity("Yann LeCun")));

        assertThat(missed).containsExactly("Anthropic");
        assertThat(recall.found()).isEqualTo(3);
        assertThat(recall.gold()).isEqualTo(4);
        assertThat(recall.recall()).isEqualTo(0.75);
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
