package io.bellwether.enrich.story;

/**
 * What the band buckets of one task answer an article: the bands they looked in (a bit per band) and the earliest
 * close article any of them holds, or {@code null} for none.
 */
public record StoryAnswer(String articleId, long bands, StoryMatch match) {
}
