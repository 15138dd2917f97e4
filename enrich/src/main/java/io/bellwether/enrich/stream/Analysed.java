package io.bellwether.enrich.stream;

import io.bellwether.avro.EnrichedArticle;
import io.bellwether.enrich.story.StorySignature;

/**
 * An enriched article with the MinHash signature of its text, on its way to the story stage, and the key of the
 * input record it came from ({@code partition-offset/key}): the story stage joins an article with its answers on
 * that key, so two records of one article id in flight at once never mix.
 */
record Analysed(EnrichedArticle article, StorySignature signature, String instance) {
    /** The instance key of the input record at {@code partition} and {@code offset} with key {@code key}. */
    static String instance(int partition, long offset, String key) {
        return partition + "-" + offset + "/" + key;
    }

    /** The input record's own key back from an instance key. */
    static String keyOf(String instance) {
        return instance.substring(instance.indexOf('/') + 1);
    }
}
