package io.bellwether.ingest.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The push endpoint's bearer token, kept only as the SHA-256 digest of its {@code Authorization} header: a presented
 * header is digested too and the two 32-byte digests compared in constant time, so neither the answer time nor the
 * header's length tells a caller how much of the token it guessed. No token means every request is allowed.
 */
final class BearerToken {
    private final Optional<byte[]> expected;

    BearerToken(Optional<String> token) {
        this.expected = token.map(value -> sha256("Bearer " + value));
    }

    /** True when no token is configured, or {@code header} (may be null) carries it. */
    boolean allows(String header) {
        if (expected.isEmpty()) {
            return true;
        }
        return header != null && MessageDigest.isEqual(expected.get(), sha256(header.strip()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
