package io.bellwether.ingest.publish;

import io.bellwether.avro.DeadLetter;
import io.bellwether.ingest.article.Rejected;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Turns a rejected input into the {@link DeadLetter} ingest sends to the dead-letter topic: stage {@code ingest},
 * the reject code as reason, the {@code file:line: reason} line as detail, the origin (file path, feed name or
 * {@code http}) as original key and the raw bytes, cut at a cap, as original value.
 */
public final class DeadLetters {
    /** The most raw bytes a dead letter keeps. */
    public static final int MAX_ORIGINAL_BYTES = 1 << 20;
    /** Room left in a record for the detail, key and the other fields when the producer limit is tight. */
    static final int ROOM_FOR_FIELDS = 16 * 1024;
    /** Parser messages can quote input; a bounded detail keeps the room estimate honest. */
    static final int MAX_DETAIL_CHARS = 4000;
    private static final String STAGE = "ingest";
    private final int maxOriginalBytes;

    /** {@code maxRecordBytes} as the publisher reports it: the original value is capped to fit. */
    public DeadLetters(int maxRecordBytes) {
        this.maxOriginalBytes = Math.max(0, Math.min(MAX_ORIGINAL_BYTES, maxRecordBytes - ROOM_FOR_FIELDS));
    }

    public DeadLetter of(Rejected rejected, Instant failedAt) {
        int length = rejected.raw().length();
        String detail = rejected.describe();
        if (detail.length() > MAX_DETAIL_CHARS) {
            detail = detail.substring(0, MAX_DETAIL_CHARS) + "...";
        }
        if (length > maxOriginalBytes) {
            detail += " (original value truncated to its first " + maxOriginalBytes + " of " + length + " bytes)";
        }
        return DeadLetter.newBuilder()
                .setStage(STAGE)
                .setReason(rejected.code().code())
                .setDetail(detail)
                .setSourceTopic(null)
                .setSourcePartition(null)
                .setSourceOffset(null)
                .setOriginalKey(ByteBuffer.wrap(origin(rejected).getBytes(StandardCharsets.UTF_8)))
                .setOriginalValue(ByteBuffer.wrap(rejected.raw().head(maxOriginalBytes)))
                .setFailedAt(failedAt)
                .build();
    }

    /** Where a rejected input came from: its file label without an array position ({@code x.json[3]}). */
    public static String origin(Rejected rejected) {
        return rejected.file().replaceFirst("\\[\\d+]$", "");
    }
}
