package io.bellwether.enrich.story;

/** An earlier article an article nearly duplicates: its id, event time and the estimated similarity. */
public record StoryMatch(String articleId, long time, double similarity) {

    /** The earlier of two matches in story order (event time, then id); {@code other} may be null. */
    public StoryMatch earlierOf(StoryMatch other) {
        if (other == null) {
            return this;
        }
        boolean thisFirst = time < other.time || time == other.time && articleId.compareTo(other.articleId) <= 0;
        return thisFirst ? this : other;
    }
}
