package io.bellwether.aggregate.tally;

import static io.bellwether.aggregate.Articles.NARRATIVE;
import static io.bellwether.aggregate.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class TallySerdeTest {
    final TallySerde serde = new TallySerde();

    @Test
    void roundTripsATallyWithEntities() {
        ArticleSignal signal = ArticleSignal.of(article("a", "2026-10-04T09:00:00Z").signal(0.25, 0.5, "open")
                .entity("Meta", 2, 0.5, "open").build(), NARRATIVE, Set.of("ORGANIZATION")).orElseThrow();
        NarrativeTally tally = NarrativeTally.empty().add(signal).add(signal).plusLate();
        NarrativeTally back = serde.deserialize("t", serde.serialize("t", tally));
        assertThat(back).isEqualTo(tally);
        assertThat(back.sums().weightedStance()).isEqualTo(0.25);
        assertThat(back.entities().get("Meta").mentions()).isEqualTo(4);
    }

    @Test
    void reportsUnreadableStateAsSerializationException() {
        assertThatThrownBy(() -> serde.deserialize("t", "{oops".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }
}
