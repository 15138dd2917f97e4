package io.bellwether.aggregate.tally;

import java.util.Arrays;
import java.util.Collection;
import java.util.function.Function;

/**
 * How many distinct stories a tally holds, in a form whose size does not grow with its articles.
 *
 * <p>A <b>pane</b>'s counts are a histogram of its stories by the pane of the same family that held the same story
 * last before it, within one window size ({@link #NONE_BEFORE} when none did): {@code (previous pane, stories)}
 * pairs, at most one per pane of a window. A window {@code [start, start + size)} then holds
 * {@code sum over its panes of the stories whose previous pane is before start}: each story is counted at its first
 * pane inside the window and nowhere else. The histograms do not depend on the order articles came in (they are a
 * function of which panes hold which stories), and they stay a few pairs however dense the feed is; the story ids
 * they need live in the family's story store (aggregate/README.md, Stories in the tallies). A pane also counts the stories it holds
 * itself: every story of it has exactly one pair.
 *
 * <p>A <b>window</b>'s counts, summed from its panes or slid, are just the number ({@link #distinctOnly}); they are
 * scored and stored as such, never merged.
 */
public final class StoryCounts {
    /** The previous pane of a story that no earlier pane within one window size held. */
    public static final long NONE_BEFORE = Long.MIN_VALUE;
    public static final StoryCounts NONE = new StoryCounts(new long[0], new long[0]);

    /** Ascending previous panes with their stories (each count positive); null for a window's number. */
    private final long[] previous;
    private final long[] stories;
    private final long distinct;
    /** The binary form, once written: a pane's entities that no article changed are not encoded again. */
    private byte[] encoded;

    private StoryCounts(long[] previous, long[] stories) {
        this.previous = previous;
        this.stories = stories;
        this.distinct = Arrays.stream(stories).sum();
    }

    private StoryCounts(long distinct) {
        this.previous = null;
        this.stories = null;
        this.distinct = distinct;
    }

    /** A pane's histogram read back: pairs in any order, merged and sorted; counts must be positive. */
    static StoryCounts firsts(long[] previous, long[] stories) {
        StoryCounts counts = NONE;
        for (int i = 0; i < previous.length; i++) {
            if (stories[i] <= 0) {
                throw new IllegalArgumentException("a story count must be positive: " + stories[i]);
            }
            counts = counts.shift(previous[i], stories[i]);
        }
        return counts;
    }

    /** The number of a window's distinct stories alone. */
    public static StoryCounts distinctOnly(long distinct) {
        return new StoryCounts(distinct);
    }

    /** True for a pane's histogram, false for a window's number. */
    public boolean isHistogram() {
        return previous != null;
    }

    /** Distinct stories: of the pane (its own), or of the window. */
    public long distinct() {
        return distinct;
    }

    /** The pane's stories that a window starting at {@code start} counts here: those held last before it. */
    long firstInWindowFrom(long start) {
        histogram();
        long count = 0;
        for (int i = 0; i < previous.length && previous[i] < start; i++) {
            count += stories[i];
        }
        return count;
    }

    /** One more story, held last in pane {@code before} ({@link #NONE_BEFORE} for none). */
    public StoryCounts plusStory(long before) {
        return shift(before, 1);
    }

    /** A story of this pane whose previous pane changes from {@code from} to {@code to} (a pane between came late). */
    public StoryCounts moveStory(long from, long to) {
        return shift(from, -1).shift(to, 1);
    }

    /** Two partial tallies of one pane whose stories are disjoint. */
    StoryCounts plus(StoryCounts other) {
        histogram();
        other.histogram();
        StoryCounts sum = this;
        for (int i = 0; i < other.previous.length; i++) {
            sum = sum.shift(other.previous[i], other.stories[i]);
        }
        return sum;
    }

    /** Each pair, ascending by previous pane. */
    void forEach(PairConsumer each) {
        histogram();
        for (int i = 0; i < previous.length; i++) {
            each.accept(previous[i], stories[i]);
        }
    }

    /** Receives one pair of a histogram. */
    interface PairConsumer {
        void accept(long previousPane, long stories);
    }

    /** The number of distinct stories of the window starting at {@code start} whose panes' counts are given. */
    static StoryCounts window(long start, Collection<StoryCounts> panes) {
        long count = 0;
        for (StoryCounts pane : panes) {
            count += pane.firstInWindowFrom(start);
        }
        return distinctOnly(count);
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

    private StoryCounts shift(long before, long by) {
        histogram();
        int at = Arrays.binarySearch(previous, before);
        if (at >= 0) {
            long left = stories[at] + by;
            if (left < 0) {
                throw new IllegalStateException("no story held last in pane " + before + " to move");
            }
            if (left > 0) {
                long[] more = stories.clone();
                more[at] = left;
                return new StoryCounts(previous, more);
            }
            long[] panes = new long[previous.length - 1];
            long[] counts = new long[previous.length - 1];
            System.arraycopy(previous, 0, panes, 0, at);
            System.arraycopy(stories, 0, counts, 0, at);
            System.arraycopy(previous, at + 1, panes, at, panes.length - at);
            System.arraycopy(stories, at + 1, counts, at, counts.length - at);
            return new StoryCounts(panes, counts);
        }
        if (by < 0) {
            throw new IllegalStateException("no story held last in pane " + before + " to move");
        }
        int insert = -at - 1;
        long[] panes = new long[previous.length + 1];
        long[] counts = new long[previous.length + 1];
        System.arraycopy(previous, 0, panes, 0, insert);
        System.arraycopy(stories, 0, counts, 0, insert);
        panes[insert] = before;
        counts[insert] = by;
        System.arraycopy(previous, insert, panes, insert + 1, previous.length - insert);
        System.arraycopy(stories, insert, counts, insert + 1, previous.length - insert);
        return new StoryCounts(panes, counts);
    }

    private void histogram() {
        if (previous == null) {
            throw new IllegalStateException("these story counts are a window's number (" + distinct
                    + " distinct stories), not a pane's histogram: they cannot be merged or slid");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoryCounts that && distinct == that.distinct
                && Arrays.equals(previous, that.previous) && Arrays.equals(stories, that.stories);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(previous) + Long.hashCode(distinct);
    }

    @Override
    public String toString() {
        if (previous == null) {
            return "StoryCounts[distinct=" + distinct + "]";
        }
        StringBuilder text = new StringBuilder("StoryCounts[");
        for (int i = 0; i < previous.length; i++) {
            text.append(i == 0 ? "" : ", ").append(previous[i] == NONE_BEFORE ? "none" : previous[i]).append('=')
                    .append(stories[i]);
        }
        return text.append(']').toString();
    }
}
