package io.bellwether.aggregate.tally;

import static io.bellwether.aggregate.Articles.NARRATIVE;
import static io.bellwether.aggregate.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
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
    void roundTripsThePanesStoryHistogramsAndAWindowsNumberOfStories() {
        StoryCounts pane = StoryCounts.NONE.plusStory(StoryCounts.NONE_BEFORE).plusStory(1_000L).plusStory(1_000L);
        NarrativeTally tally = tally("Meta").withStories(pane, Map.of("Meta", StoryCounts.NONE.plusStory(5L)));
        NarrativeTally back = serde.deserialize("t", serde.serialize("t", tally));
        assertThat(back).isEqualTo(tally);
        assertThat(back.stories().distinct()).isEqualTo(3);
        assertThat(back.entities().get("Meta").stories().distinct()).isEqualTo(1);
        NarrativeTally window = tally("Meta").withStories(StoryCounts.distinctOnly(42), Map.of());
        assertThat(serde.deserialize("t", serde.serialize("t", window)).stories())
                .isEqualTo(StoryCounts.distinctOnly(42));
    }

    @Test
    void readsTheBinaryFormsBeforeHistograms() {
        NarrativeTally plain = NarrativeTally.empty().plusLate();
        byte[] current = serde.serialize("t", plain);
        // Format 3 ends with the window's story block: kind 0 and no pairs (5 bytes). Format 1 had none there;
        // format 2 had story ids, read as stories that no earlier pane held.
        byte[] head = Arrays.copyOf(current, current.length - 1 - Integer.BYTES);
        byte[] before = head.clone();
        before[0] = 1;
        assertThat(serde.deserialize("t", before).stories()).isEqualTo(StoryCounts.NONE);
        byte[] first = "s-1".getBytes(StandardCharsets.UTF_8);
        byte[] second = "s-2".getBytes(StandardCharsets.UTF_8);
        ByteBuffer ids = ByteBuffer.allocate(head.length + Integer.BYTES + 2 * (Integer.BYTES + first.length
                + Long.BYTES)).put(head).putInt(2);
        ids.putInt(first.length).put(first).putLong(3).putInt(second.length).put(second).putLong(1);
        byte[] withIds = ids.array();
        withIds[0] = 2;
        NarrativeTally back = serde.deserialize("t", withIds);
        assertThat(back.late()).isEqualTo(1);
        assertThat(back.stories()).isEqualTo(StoryCounts.NONE.plusStory(StoryCounts.NONE_BEFORE)
                .plusStory(StoryCounts.NONE_BEFORE));
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
