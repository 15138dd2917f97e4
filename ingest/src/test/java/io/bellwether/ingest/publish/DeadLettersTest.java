package io.bellwether.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.avro.DeadLetter;
import io.bellwether.ingest.article.RawInput;
import io.bellwether.ingest.article.RejectReason;
import io.bellwether.ingest.article.Rejected;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DeadLettersTest {
    private static final Instant AT = Instant.parse("2026-01-10T12:00:00Z");

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }

    @Test
    void carriesStageReasonCodeDetailLineOriginAndRawBytes() {
        Rejected rejected = new Rejected("corpus/x.jsonl", 4, RejectReason.INVALID_JSON, "invalid JSON: oops",
                RawInput.of("not json"));

        DeadLetter letter = new DeadLetters(1 << 20).of(rejected, AT);

        assertThat(letter.getStage()).isEqualTo("ingest");
        assertThat(letter.getReason()).isEqualTo("invalid-json");
        assertThat(letter.getDetail()).isEqualTo("corpus/x.jsonl:4: invalid JSON: oops");
        assertThat(letter.getSourceTopic()).isNull();
        assertThat(letter.getSourcePartition()).isNull();
        assertThat(letter.getSourceOffset()).isNull();
        assertThat(new String(bytes(letter.getOriginalKey()), StandardCharsets.UTF_8)).isEqualTo("corpus/x.jsonl");
        assertThat(new String(bytes(letter.getOriginalValue()), StandardCharsets.UTF_8)).isEqualTo("not json");
        assertThat(letter.getFailedAt()).isEqualTo(AT);
    }

    @Test
    void namesTheFileNotTheArrayPositionAsOrigin() {
        Rejected element = new Rejected("corpus/a.json[12]", 0, RejectReason.MISSING_FIELD, "missing body");
        assertThat(DeadLetters.origin(element)).isEqualTo("corpus/a.json");
    }

    @Test
    void truncatesTheOriginalValueToFitTheProducerLimitAndSaysSo() {
        byte[] big = new byte[200_000];
        Arrays.fill(big, (byte) 'x');
        Rejected rejected = new Rejected("big.txt", 0, RejectReason.TOO_LARGE, "too big", new RawInput(big));

        DeadLetter letter = new DeadLetters(100_000).of(rejected, AT);

        int kept = 100_000 - DeadLetters.ROOM_FOR_FIELDS;
        assertThat(letter.getOriginalValue().remaining()).isEqualTo(kept);
        assertThat(letter.getDetail()).endsWith("(original value truncated to its first " + kept + " of 200000 bytes)");
    }

    @Test
    void capsTheOriginalValueAtOneMebibyteEvenWhenTheProducerAllowsMore() {
        Rejected rejected = new Rejected("big.txt", 0, RejectReason.TOO_LARGE, "too big",
                new RawInput(new byte[DeadLetters.MAX_ORIGINAL_BYTES + 10]));

        DeadLetter letter = new DeadLetters(8 << 20).of(rejected, AT);

        assertThat(letter.getOriginalValue().remaining()).isEqualTo(DeadLetters.MAX_ORIGINAL_BYTES);
    }
}
