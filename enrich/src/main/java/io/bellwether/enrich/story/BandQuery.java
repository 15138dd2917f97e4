package io.bellwether.enrich.story;

/**
 * A probe on its way to a band bucket, with the address its answer goes back to: the key of the one input record
 * it came from ({@code partition-offset/key} of the enrich input), so two records of the same article id in
 * flight at once (a re-sent article, a replay) each get their own answers instead of sharing one.
 */
public record BandQuery(String replyTo, StoryProbe probe) {
}
