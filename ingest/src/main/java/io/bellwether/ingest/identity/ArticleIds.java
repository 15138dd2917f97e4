package io.bellwether.ingest.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Derives the stable article id: the first 32 hex characters of a SHA-256 over the canonical URL, else over
 * source and guid, else over source, title and the stated publication time. Each rule hashes under its own
 * prefix so that, say, a guid can never collide with a URL.
 */
public final class ArticleIds {
    private static final int ID_HEX_CHARS = 32;

    public String idFor(Optional<String> canonicalUrl, String source, String guid, String title,
            Optional<Instant> statedPublishedAt) {
        if (canonicalUrl.isPresent()) {
            return hash("url\n" + canonicalUrl.get());
        }
        if (guid != null && !guid.isBlank()) {
            return hash("guid\n" + source + "\n" + guid.strip());
        }
        // No stated time: hash without one, so re-importing the same text keeps its id.
        String when = statedPublishedAt.map(instant -> Long.toString(instant.toEpochMilli())).orElse("");
        return hash("title\n" + source + "\n" + title.strip() + "\n" + when);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, ID_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform ships SHA-256", e);
        }
    }
}
