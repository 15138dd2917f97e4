package io.bellwether.aggregate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One hopping event-time window family: its size, how far it advances, and how long closed windows stay
 * queryable. Windows are aligned to the epoch, like Kafka Streams' {@code TimeWindows}.
 */
public record WindowSpec(Duration size, Duration advance, Duration retention) {

    public WindowSpec {
        if (size.isNegative() || size.isZero() || advance.isNegative() || advance.isZero()) {
            throw new IllegalArgumentException("window size and advance must be positive: " + size + "/" + advance);
        }
        if (advance.compareTo(size) > 0 || size.toMillis() % advance.toMillis() != 0) {
            // Momentum compares with the window one size earlier, which is on the hopping grid only then.
            throw new IllegalArgumentException("window size must be a multiple of its advance: " + size + "/" + advance);
        }
    }

    /** ISO-8601 label used in keys and tags, e.g. {@code PT1H}. */
    public String label() {
        return size.toString();
    }

    /**
     * Name of the window store holding this family's closed windows, each as its final record had it (also the
     * store the query API routes by).
     */
    public String storeName() {
        return "aggregate-windows-" + label().toLowerCase(Locale.ROOT);
    }

    /** Name of the window store holding this family's panes: per narrative, one tally per advance of event time. */
    public String paneStoreName() {
        return "aggregate-panes-" + label().toLowerCase(Locale.ROOT);
    }

    /**
     * Name of the window store of this family's story panes: per narrative and story, the panes holding one of its
     * articles, with the entities those articles named.
     */
    public String storyStoreName() {
        return "aggregate-stories-" + label().toLowerCase(Locale.ROOT);
    }

    /** Start of the pane holding {@code timestamp}: the slice {@code [start, start + advance)} aligned to the epoch. */
    public long paneOf(long timestamp) {
        return timestamp - Math.floorMod(timestamp, advance.toMillis());
    }

    /**
     * Starts of every window of this family that contains {@code timestamp}, newest first. None starts before the
     * epoch (Kafka's window stores refuse negative starts), so an article in the first hours of 1970 counts only
     * in the windows from the epoch on, as in Kafka Streams' own {@code TimeWindows}.
     */
    public List<Long> startsContaining(long timestamp) {
        long step = advance.toMillis();
        long newest = paneOf(timestamp);
        long oldest = Math.max(0, timestamp - size.toMillis() + 1);
        List<Long> starts = new ArrayList<>();
        for (long start = newest; start >= oldest; start -= step) {
            starts.add(start);
        }
        return starts;
    }

    /** End (exclusive) of the window starting at {@code start}. */
    public long endOf(long start) {
        return start + size.toMillis();
    }

    /** Start of the window momentum compares with: the adjacent, non-overlapping one before. */
    public long previousStart(long start) {
        return start - size.toMillis();
    }
}
