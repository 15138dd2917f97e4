package io.bellwether.aggregate.tally;

import io.bellwether.aggregate.WindowSpec;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * One narrative's panes of one window family, by start: each pane holds the articles of one advance of event time,
 * and a hopping window's tally is the sum of the panes it covers. The sums are exact (fixed point, entities merged
 * order-independently), so a window summed from panes equals one that took its articles one by one.
 */
public final class Panes {
    private final WindowSpec spec;
    private final NavigableMap<Long, NarrativeTally> byStart = new TreeMap<>();

    public Panes(WindowSpec spec) {
        this.spec = spec;
    }

    /** The panes an iterator of a pane store yields, grouped by narrative (in name order); closes the iterator. */
    public static SortedMap<String, Panes> byNarrative(WindowSpec spec,
                                                       KeyValueIterator<Windowed<String>, NarrativeTally> it) {
        SortedMap<String, Panes> panes = new TreeMap<>();
        try (it) {
            while (it.hasNext()) {
                KeyValue<Windowed<String>, NarrativeTally> pane = it.next();
                panes.computeIfAbsent(pane.key.key(), narrative -> new Panes(spec))
                        .put(pane.key.window().start(), pane.value);
            }
        }
        return panes;
    }

    public void put(long start, NarrativeTally pane) {
        byStart.put(start, pane);
    }

    /** The panes by start, read-only. */
    public Map<Long, NarrativeTally> all() {
        return Collections.unmodifiableMap(byStart);
    }

    /** The tally of the window starting at {@code start}: its panes summed; null when it covers none. */
    public NarrativeTally window(long start) {
        Collection<NarrativeTally> covered = byStart.subMap(start, true, spec.endOf(start), false).values();
        return covered.isEmpty() ? null : NarrativeTally.sum(start, covered);
    }

    /** The sums alone (no entities) of the window starting at {@code start}; null when it covers no pane. */
    public StanceSums sums(long start) {
        StanceSums sum = null;
        for (NarrativeTally pane : byStart.subMap(start, true, spec.endOf(start), false).values()) {
            sum = sum == null ? pane.sums() : sum.plus(pane.sums());
        }
        return sum;
    }

    /**
     * The windows starting at {@code starts}, slid pane by pane from one to the next, each holding only its
     * {@code k} top entities ({@link SlidingTally}): enough for their narrative scores. They are slid from the
     * latest back to the earliest: the open windows of a family all reach the newest pane, so each step adds the
     * one pane that an earlier start takes in and removes the future ones it does not reach, none in a live feed;
     * sliding forward removed every pane once more.
     */
    public SortedMap<Long, NarrativeTally> narrativeWindows(SortedSet<Long> starts, int k) {
        SortedMap<Long, NarrativeTally> windows = new TreeMap<>();
        SlidingTally sliding = new SlidingTally();
        long from = Long.MAX_VALUE;
        long to = Long.MAX_VALUE;
        for (long start : new TreeSet<>(starts).descendingSet()) {
            long end = spec.endOf(start);
            if (end <= from) {
                sliding = new SlidingTally();
                from = end;
                to = end;
            }
            byStart.subMap(end, true, to, false).forEach(sliding::remove);
            byStart.subMap(start, true, Math.min(from, end), false).forEach(sliding::add);
            from = start;
            to = end;
            windows.put(start, sliding.snapshot(k, start));
        }
        return windows;
    }

    /** Starts in [{@code from}, {@code to}] of the windows covering at least one pane, ascending. */
    public SortedSet<Long> windowStarts(long from, long to) {
        return windowStarts(from, to, pane -> true);
    }

    /** Starts in [{@code from}, {@code to}] of the windows covering a pane that {@code which} accepts, ascending. */
    public SortedSet<Long> windowStarts(long from, long to, Predicate<NarrativeTally> which) {
        SortedSet<Long> starts = new TreeSet<>();
        byStart.forEach((pane, tally) -> {
            if (which.test(tally)) {
                for (long start : spec.startsContaining(pane)) {
                    if (start >= from && start <= to) {
                        starts.add(start);
                    }
                }
            }
        });
        return starts;
    }
}
