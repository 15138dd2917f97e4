package io.bellwether.enrich.story;

import java.time.Duration;

/**
 * How articles are grouped into stories: word shingles of {@code shingleSize}, a MinHash signature of
 * {@code bands × rows} slots, LSH in {@code bands} bands of {@code rows} rows (two articles become candidates
 * when all rows of one band agree), a candidate joins the story when its estimated similarity is at least
 * {@code threshold}, and only articles within {@code horizon} of event time before it are looked at. Texts with
 * fewer than {@code minShingles} shingles (a headline alone) form no story with others. With {@code enabled} false
 * no story is looked up: articles go out with no {@code storyId} (read as their own) and similarity and novelty 1,
 * as a writer before stories existed wrote them. {@code orderWait} is the longest the band buckets hold a query for
 * an input partition that is behind it in event time (zero: answer every query on arrival, in arrival order).
 */
public record StorySettings(Duration horizon, int shingleSize, int bands, int rows, double threshold,
                            int minShingles, boolean enabled, Duration orderWait) {
    public static final Duration DEFAULT_HORIZON = Duration.ofHours(24);
    public static final Duration MIN_HORIZON = Duration.ofMinutes(1);
    public static final Duration MAX_HORIZON = Duration.ofDays(30);
    /** The allowed horizons as a person writes them (Duration prints 30 days as PT720H). */
    public static final String HORIZON_RANGE = "PT1M..P30D";
    public static final Duration DEFAULT_ORDER_WAIT = Duration.ofMinutes(5);
    public static final Duration MAX_ORDER_WAIT = Duration.ofMinutes(30);

    public StorySettings {
        require(horizon != null && horizon.compareTo(MIN_HORIZON) >= 0 && horizon.compareTo(MAX_HORIZON) <= 0,
                "enrich.story.horizon must be in " + HORIZON_RANGE + ": " + horizon);
        require(shingleSize >= 1 && shingleSize <= 8, "story shingle size must be in 1..8: " + shingleSize);
        require(bands >= 1 && bands <= 64, "story bands must be in 1..64: " + bands);
        require(rows >= 1 && rows <= 16, "story rows per band must be in 1..16: " + rows);
        require(threshold > 0 && threshold <= 1, "story threshold must be in (0, 1]: " + threshold);
        require(minShingles >= 1, "story minimum shingles must be at least 1: " + minShingles);
        require(orderWait != null && !orderWait.isNegative() && orderWait.compareTo(MAX_ORDER_WAIT) <= 0,
                "enrich.story.order-wait must be in PT0S..PT30M: " + orderWait);
    }

    /** The tuned defaults (enrich/README.md, Stories) with the given horizon. */
    public static StorySettings withHorizon(Duration horizon) {
        return new StorySettings(horizon, 3, 32, 2, 0.5, 12, true, DEFAULT_ORDER_WAIT);
    }

    /** These settings with another wait for quiet partitions. */
    public StorySettings withOrderWait(Duration wait) {
        return new StorySettings(horizon, shingleSize, bands, rows, threshold, minShingles, enabled, wait);
    }

    /** These settings with the story stage turned off. */
    public StorySettings disabled() {
        return new StorySettings(horizon, shingleSize, bands, rows, threshold, minShingles, false, orderWait);
    }

    public static StorySettings defaults() {
        return withHorizon(DEFAULT_HORIZON);
    }

    public int slots() {
        return bands * rows;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
