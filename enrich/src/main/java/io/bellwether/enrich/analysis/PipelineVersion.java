package io.bellwether.enrich.analysis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The short pipeline version stamped on every enriched article: the first 12 hex digits of a SHA-256 over the
 * analyzer's revision, the NLP models and their properties, the analyzer settings and the narrative file's bytes.
 * Change any of them and the version changes, so downstream can tell records of different pipelines apart.
 */
public record PipelineVersion(String value) {
    /** Bump when the analysis code changes what it outputs for the same input. */
    public static final String ANALYZER_REVISION = "enrich-analyzer-4";

    public static PipelineVersion of(List<String> parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(ANALYZER_REVISION.getBytes(StandardCharsets.UTF_8));
            for (String part : parts) {
                digest.update((byte) 0);
                digest.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return new PipelineVersion(HexFormat.of().formatHex(digest.digest()).substring(0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }
}
