package io.bellwether.aggregate.tally;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;

/**
 * The stories of a tally's articles, as a multiset: story id to the number of its articles. Counts add when panes
 * are summed (their articles are disjoint), so the number of distinct stories of a window is exact however its
 * panes were combined, where a plain count per pane would count a story seen in two panes twice.
 *
 * <p>Held as two arrays sorted by id, so adding an article is a binary search and one copy, and summing panes is a
 * linear merge: as tree maps, copied on every change, they were most of the aggregation's time once stories came
 * (docs/benchmarks.md, aggregate round 4). A window slid pane by pane for an early update ({@link SlidingTally})
 * knows its stories but needs only their number; it carries {@link #distinctOnly} counts, which cannot be merged,
 * stored or listed.
 */
public final class StoryCounts {
    public static final StoryCounts NONE = new StoryCounts(new String[0], new long[0]);

    /** Ascending, distinct; null for counts that hold only the number of distinct stories. */
    private final String[] ids;
    private final long[] counts;
    private final long distinct;
    /** The binary form, once written: a pane's entities that no article changed are not encoded again. */
    private byte[] encoded;

    private StoryCounts(String[] ids, long[] counts) {
        this.ids = ids;
        this.counts = counts;
        this.distinct = ids.length;
    }

    private StoryCounts(long distinct) {
        this.ids = null;
        this.counts = null;
        this.distinct = distinct;
    }

    /** The counts of a map (story id to articles, every count positive); also the JSON form's reader. */
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public static StoryCounts of(@JsonProperty("counts") SortedMap<String, Long> counts) {
        TreeMap<String, Long> sorted = new TreeMap<>(counts);
        String[] ids = new String[sorted.size()];
        long[] values = new long[sorted.size()];
        int i = 0;
        for (var entry : sorted.entrySet()) {
            ids[i] = entry.getKey();
            values[i++] = entry.getValue();
        }
        return new StoryCounts(ids, values);
    }

    /**
     * Counts read back in stored order: taken as they are when ascending and distinct (as written), else sorted and
     * combined.
     */
    static StoryCounts read(String[] ids, long[] counts) {
        for (int i = 1; i < ids.length; i++) {
            if (ids[i - 1].compareTo(ids[i]) >= 0) {
                TreeMap<String, Long> sorted = new TreeMap<>();
                for (int j = 0; j < ids.length; j++) {
                    sorted.merge(ids[j], counts[j], Long::sum);
                }
                return of(sorted);
            }
        }
        return new StoryCounts(ids, counts);
    }

    /** Only the number of distinct stories, for a tally that is scored and dropped. */
    static StoryCounts distinctOnly(long distinct) {
        return new StoryCounts(distinct);
    }

    /** Story id to its articles, as a new map; not for {@link #distinctOnly} counts. The JSON form writes it. */
    @JsonProperty("counts")
    public SortedMap<String, Long> counts() {
        TreeMap<String, Long> map = new TreeMap<>();
        forEach(map::put);
        return map;
    }

    /** Each story with its articles, ascending by id; not for {@link #distinctOnly} counts. */
    public void forEach(ObjLongConsumer<String> each) {
        listed();
        for (int i = 0; i < ids.length; i++) {
            each.accept(ids[i], counts[i]);
        }
    }

    StoryCounts plus(String storyId) {
        listed();
        int at = Arrays.binarySearch(ids, storyId);
        if (at >= 0) {
            long[] more = counts.clone();
            more[at]++;
            return new StoryCounts(ids, more);
        }
        int insert = -at - 1;
        String[] wider = new String[ids.length + 1];
        long[] values = new long[ids.length + 1];
        System.arraycopy(ids, 0, wider, 0, insert);
        System.arraycopy(counts, 0, values, 0, insert);
        wider[insert] = storyId;
        values[insert] = 1;
        System.arraycopy(ids, insert, wider, insert + 1, ids.length - insert);
        System.arraycopy(counts, insert, values, insert + 1, ids.length - insert);
        return new StoryCounts(wider, values);
    }

    StoryCounts plus(StoryCounts other) {
        listed();
        other.listed();
        if (other.ids.length == 0) {
            return this;
        }
        if (ids.length == 0) {
            return other;
        }
        String[] merged = new String[ids.length + other.ids.length];
        long[] values = new long[merged.length];
        int a = 0;
        int b = 0;
        int n = 0;
        while (a < ids.length && b < other.ids.length) {
            int order = ids[a].compareTo(other.ids[b]);
            if (order < 0) {
                merged[n] = ids[a];
                values[n++] = counts[a++];
            } else if (order > 0) {
                merged[n] = other.ids[b];
                values[n++] = other.counts[b++];
            } else {
                merged[n] = ids[a];
                values[n++] = counts[a++] + other.counts[b++];
            }
        }
        while (a < ids.length) {
            merged[n] = ids[a];
            values[n++] = counts[a++];
        }
        while (b < other.ids.length) {
            merged[n] = other.ids[b];
            values[n++] = other.counts[b++];
        }
        return n == merged.length ? new StoryCounts(merged, values)
                : new StoryCounts(Arrays.copyOf(merged, n), Arrays.copyOf(values, n));
    }

    /** All of them together, merged pairwise in rounds (n log k for k counts of n stories in all). */
    static StoryCounts sum(List<StoryCounts> all) {
        if (all.isEmpty()) {
            return NONE;
        }
        List<StoryCounts> round = all;
        while (round.size() > 1) {
            List<StoryCounts> next = new ArrayList<>((round.size() + 1) / 2);
            for (int i = 0; i < round.size(); i += 2) {
                next.add(i + 1 < round.size() ? round.get(i).plus(round.get(i + 1)) : round.get(i));
            }
            round = next;
        }
        return round.get(0);
    }

    /** The binary form that {@code encoder} writes, written once (these counts never change). */
    byte[] encoded(Function<StoryCounts, byte[]> encoder) {
        byte[] form = encoded;
        if (form == null) {
            form = encoder.apply(this);
            encoded = form;
        }
        return form;
    }

    /** Distinct stories. */
    public long distinct() {
        return distinct;
    }

    private void listed() {
        if (ids == null) {
            throw new IllegalStateException("these story counts hold only their number (" + distinct
                    + " distinct stories of a slid window): they cannot be merged, stored or listed");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoryCounts that && distinct == that.distinct && Arrays.equals(ids, that.ids)
                && Arrays.equals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return ids == null ? "StoryCounts[distinct=" + distinct + "]" : "StoryCounts" + counts();
    }
}
