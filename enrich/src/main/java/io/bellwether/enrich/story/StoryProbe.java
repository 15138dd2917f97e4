package io.bellwether.enrich.story;

/**
 * One article looking for its story in one LSH band: sent to the task that owns the band bucket, and kept there
 * (without the band) as that bucket's memory of the article for the horizon.
 */
public record StoryProbe(int band, String articleId, long time, StorySignature signature) {

    /** The same article's probe in {@code other} band. */
    public StoryProbe inBand(int other) {
        return new StoryProbe(other, articleId, time, signature);
    }

    /** True when this probe's article comes before {@code match} in story order: event time, then id. */
    public boolean before(long otherTime, String otherId) {
        return time < otherTime || time == otherTime && articleId.compareTo(otherId) < 0;
    }
}
