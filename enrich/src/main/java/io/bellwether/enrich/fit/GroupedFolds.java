package io.bellwether.enrich.fit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Cross-validation folds by group: an article's fold is the first 32 bits of the SHA-256 of its group (site or
 * author) modulo the fold count, so all of a site's articles are in one fold and the same file always gives the same
 * folds.
 */
public record GroupedFolds(int folds) {
    public GroupedFolds {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds: " + folds);
        }
    }

    public int foldOf(String group) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(group.getBytes(StandardCharsets.UTF_8));
            return (int) (Long.parseLong(HexFormat.of().formatHex(digest, 0, 4), 16) % folds);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }
}
