package io.bellwether.ingest.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Bytes in, text out only when they are well-formed UTF-8. {@code new String(bytes, UTF_8)} would turn a broken
 * sequence into U+FFFD and publish an article whose text was never what its sender wrote.
 */
final class StrictUtf8 {
    private StrictUtf8() {
    }

    static Optional<String> decode(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
