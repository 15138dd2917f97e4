package io.bellwether.enrich.story;

/**
 * A probe on its way to the task that owns some of its LSH band buckets, with the bands it asks that task about
 * (a bit per band: all the article's bands whose bucket lies in that task's partition, so an article sends one
 * query per partition, not one per band) and the address its answer goes back to: the key of the one input
 * record it came from ({@code partition-offset/key} of the enrich input), so two records of the same article id
 * in flight at once (a re-sent article, a replay) each get their own answers instead of sharing one.
 */
public record BandQuery(String replyTo, long bands, StoryProbe probe) {
}
