package io.bellwether.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class StoryCodecTest {

    @Test
    void roundTripsProbesAndAnswersWithAndWithoutAMatch() {
        StorySignature signature = new StoryText(StorySettings.defaults()).signature("a few words of one story");
        Serde<StoryProbe> probes = StoryCodec.probes();
        StoryProbe probe = new StoryProbe(7, "article-ü", 1_700_000_000_000L, signature);
        assertThat(probes.deserializer().deserialize("t", probes.serializer().serialize("t", probe)))
                .isEqualTo(probe);

        Serde<StoryAnswer> answers = StoryCodec.answers();
        for (StoryAnswer answer : new StoryAnswer[] {new StoryAnswer("a", 1L << 3, null),
                new StoryAnswer("a", 1L << 31 | 1L << 5, new StoryMatch("first", 1_700_000_000_000L, 0.875))}) {
            assertThat(answers.deserializer().deserialize("t", answers.serializer().serialize("t", answer)))
                    .isEqualTo(answer);
        }
        assertThat(answers.serializer().serialize("t", null)).isNull();
    }

    @Test
    void groupedQueriesRoundTripAndPerBandRecordsOfVersionOneStillRead() throws Exception {
        StorySignature signature = new StoryText(StorySettings.defaults()).signature("a few words of one story");
        StoryProbe probe = new StoryProbe(4, "article", 1_700_000_000_000L, signature);
        Serde<BandQuery> queries = StoryCodec.queries();
        BandQuery grouped = new BandQuery("2-17/article", 1L << 4 | 1L << 9 | 1L << 30, probe);
        assertThat(queries.deserializer().deserialize("t", queries.serializer().serialize("t", grouped)))
                .isEqualTo(grouped);

        // Version 1, as the stage wrote it before queries were grouped: one band per record.
        byte[] probeBytes = StoryCodec.probes().serializer().serialize("t", probe);
        byte[] oldQuery = StoryCodec.write(out -> {
            out.writeUTF("2-17/article");
            out.writeInt(probeBytes.length);
            out.write(probeBytes);
        });
        assertThat(queries.deserializer().deserialize("t", oldQuery))
                .isEqualTo(new BandQuery("2-17/article", 1L << 4, probe));
        byte[] oldAnswer = StoryCodec.write(out -> {
            out.writeUTF("article");
            out.writeInt(9);
            StoryCodec.writeMatch(out, new StoryMatch("first", 5L, 0.75));
        });
        assertThat(StoryCodec.answers().deserializer().deserialize("t", oldAnswer))
                .isEqualTo(new StoryAnswer("article", 1L << 9, new StoryMatch("first", 5L, 0.75)));
    }

    @Test
    void refusesARecordOfAnotherVersion() {
        byte[] bytes = StoryCodec.answers().serializer().serialize("t", new StoryAnswer("a", 1, null));
        bytes[0] = 9;
        assertThatThrownBy(() -> StoryCodec.answers().deserializer().deserialize("t", bytes))
                .isInstanceOf(SerializationException.class).hasMessageContaining("version 9");
    }

    @Test
    void theEarlierMatchWinsByEventTimeThenId() {
        StoryMatch late = new StoryMatch("a", 2, 1.0);
        StoryMatch early = new StoryMatch("z", 1, 0.6);
        StoryMatch tie = new StoryMatch("b", 2, 1.0);
        assertThat(late.earlierOf(early)).isEqualTo(early);
        assertThat(early.earlierOf(late)).isEqualTo(early);
        assertThat(tie.earlierOf(late)).isEqualTo(late);
        assertThat(late.earlierOf(null)).isEqualTo(late);
    }
}
