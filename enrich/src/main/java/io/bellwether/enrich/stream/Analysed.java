package io.bellwether.enrich.stream;

import io.bellwether.avro.EnrichedArticle;
import io.bellwether.enrich.story.StorySignature;

/**
 * An enriched article with the MinHash signature of its text, on its way to the story stage, and the key of the
 * input record it came from ({@code partition-offset/key}): the story stage joins an article with its answers on
 * that key, so two records of one article id in flight at once never mix.
 */
record Analysed(EnrichedArticle article, StorySignature signature, String instance) {
    /**
     * The instance key of the input record at {@code partition} and {@code offset} with key {@code key}; a record
     * without a key has no {@code /} part, so it stays without one on the way out.
     */
    static String instance(int partition, long offset, String key) {
        return key == null ? partition + "-" + offset : partition + "-" + offset + "/" + key;
    }

    /** The input record's own key back from an instance key ({@code null} for a record that had none). */
    static String keyOf(String instance) {
        int slash = instance.indexOf('/');
        return slash < 0 ? null : instance.substring(slash + 1);
    }
}
