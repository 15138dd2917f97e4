package io.bellwether.aggregate.tally;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The stories of a tally's articles, as a multiset: story id to the number of its articles. Counts add when panes
 * are summed (their articles are disjoint), so the number of distinct stories of a window is exact however its
 * panes were combined, where a plain count per pane would count a story seen in two panes twice.
 */
public record StoryCounts(SortedMap<String, Long> counts) {
    public static final StoryCounts NONE = new StoryCounts(new TreeMap<>());

    /** A {@link TreeMap} is taken over as it is (every caller builds a fresh one), any other map copied. */
    public StoryCounts {
        counts = Collections.unmodifiableSortedMap(counts instanceof TreeMap<String, Long> sorted ? sorted
                : new TreeMap<>(counts));
    }

    StoryCounts plus(String storyId) {
        TreeMap<String, Long> merged = new TreeMap<>(counts);
        merged.merge(storyId, 1L, Long::sum);
        return new StoryCounts(merged);
    }

    StoryCounts plus(StoryCounts other) {
        if (other.counts.isEmpty()) {
            return this;
        }
        TreeMap<String, Long> merged = new TreeMap<>(counts);
        other.counts.forEach((story, count) -> merged.merge(story, count, Long::sum));
        return new StoryCounts(merged);
    }

    /** Distinct stories. */
    public long distinct() {
        return counts.size();
    }

    static StoryCounts of(Map<String, Long> counts) {
        return new StoryCounts(new TreeMap<>(counts));
    }
}
