package io.bellwether.aggregate.tally;

import static io.bellwether.aggregate.Articles.NARRATIVE;
import static io.bellwether.aggregate.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class TallySerdeTest {
    final TallySerde serde = new TallySerde();

    @Test
    void roundTripsATallyWithEntities() {
        NarrativeTally tally = tally("Meta");
        NarrativeTally back = serde.deserialize("t", serde.serialize("t", tally));
        assertThat(back).isEqualTo(tally);
        assertThat(back.sums().weightedStance()).isEqualTo(0.25);
        assertThat(back.entities().get("Meta").mentions()).isEqualTo(4);
    }

    @Test
    void roundTripsNamesOfAnyLengthAndScript() {
        String longName = "Ünïcode Lab ".repeat(7_000);
        NarrativeTally tally = tally(longName).add(signal("深度求索"));
        assertThat(serde.deserialize("t", serde.serialize("t", tally))).isEqualTo(tally);
    }

    @Test
    void readsTheJsonThatEarlierVersionsWroteToTheChangelogs() throws Exception {
        NarrativeTally tally = tally("Meta").emitted(false).add(signal("Mistral AI"));
        byte[] json = new ObjectMapper().writeValueAsBytes(tally);
        assertThat(serde.deserialize("t", json)).isEqualTo(tally);
    }

    @Test
    void roundTripsTheStoriesOfTheWindowAndOfEachEntity() {
        NarrativeTally tally = tally("Meta");
        NarrativeTally back = serde.deserialize("t", serde.serialize("t", tally));
        assertThat(back.stories().counts()).containsExactlyEntriesOf(Map.of("a", 2L));
        assertThat(back.entities().get("Meta").stories().distinct()).isEqualTo(1);
    }

    @Test
    void readsTheBinaryFormBeforeStoriesWithNone() {
        NarrativeTally plain = NarrativeTally.empty().plusLate();
        byte[] current = serde.serialize("t", plain);
        // Format 1 is format 2 without the story counts: here only the window's, an empty list (4 bytes) at the end.
        byte[] before = Arrays.copyOf(current, current.length - Integer.BYTES);
        before[0] = 1;
        NarrativeTally back = serde.deserialize("t", before);
        assertThat(back.late()).isEqualTo(1);
        assertThat(back.stories()).isEqualTo(StoryCounts.NONE);
    }

    @Test
    void writesTheBinaryFormWhichIsSmallerThanTheJson() throws Exception {
        NarrativeTally tally = tally("Meta").add(signal("Mistral AI"));
        byte[] written = serde.serialize("t", tally);
        assertThat(written[0]).isEqualTo(TallyCodec.FORMAT);
        assertThat(written.length).isLessThan(new ObjectMapper().writeValueAsBytes(tally).length);
    }

    @Test
    void reportsUnreadableStateAsSerializationException() {
        byte[] good = serde.serialize("t", tally("Meta"));
        byte[] unknownFormat = good.clone();
        unknownFormat[0] = 7;
        byte[] trailing = Arrays.copyOf(good, good.length + 3);
        for (byte[] bad : new byte[][] {"{oops".getBytes(StandardCharsets.UTF_8), new byte[0],
                Arrays.copyOf(good, good.length - 1), unknownFormat, trailing}) {
            assertThatThrownBy(() -> serde.deserialize("t", bad)).isInstanceOf(SerializationException.class)
                    .hasMessageContaining("cannot decode tally from t");
        }
    }

    private static NarrativeTally tally(String entity) {
        ArticleSignal signal = signal(entity);
        return NarrativeTally.empty().add(signal).add(signal).plusLate();
    }

    private static ArticleSignal signal(String entity) {
        return ArticleSignal.of(article("a", "2026-10-04T09:00:00Z").signal(0.25, 0.5, "open")
                .entity(entity, 2, 0.5, "open").build(), NARRATIVE, Set.of("ORGANIZATION"),
                StanceWeight.NOVELTY).orElseThrow();
    }
}
