package io.bellwether.ingest.article;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of an input as it was read (a file, a line, an array element, a request body), kept so a rejected
 * input can be dead-lettered as it arrived. Compared by content.
 */
public record RawInput(byte[] bytes) {
    public static final RawInput NONE = new RawInput(new byte[0]);

    public RawInput {
        bytes = bytes.clone();
    }

    public static RawInput of(String text) {
        return new RawInput(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** At most {@code limit} leading bytes. */
    public byte[] head(int limit) {
        return Arrays.copyOf(bytes, Math.min(limit, bytes.length));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawInput that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "RawInput[" + bytes.length + " bytes]";
    }
}
