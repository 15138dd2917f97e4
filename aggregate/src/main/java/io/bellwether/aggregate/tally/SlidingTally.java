package io.bellwether.aggregate.tally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The narrative-level tally of consecutive windows of one family, slid pane by pane: a pane's counts and sums are
 * added when the window reaches it and subtracted when the window leaves it (fixed-point longs, so exactly), and
 * the top entities are ranked from running per-entity sums. This is what an early update's narrative record needs,
 * without merging every pane's entities for every window.
 */
final class SlidingTally {
    private static final int ARTICLES = 0;
    private static final int MENTIONS = 5;
    private static final Comparator<Map.Entry<String, long[]>> BY_MENTIONS =
            Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[MENTIONS])
                    .thenComparing(Map.Entry::getKey);

    private final long[] sums = new long[5];
    private final long[] counts = new long[4];
    /** Per entity: articles, stance, weighted, confidence, sentiment, mentions. */
    private final Map<String, long[]> entities = new HashMap<>();
    /** The story histograms of the panes in the window, by pane start. */
    private final NavigableMap<Long, StoryCounts> stories = new TreeMap<>();

    void add(long start, NarrativeTally pane) {
        apply(pane, 1);
        stories.put(start, pane.stories());
    }

    void remove(long start, NarrativeTally pane) {
        apply(pane, -1);
        stories.remove(start);
    }

    private void apply(NarrativeTally pane, int sign) {
        addSums(sums, pane.sums(), sign);
        counts[0] += sign * pane.open();
        counts[1] += sign * pane.closed();
        counts[2] += sign * pane.neutral();
        counts[3] += sign * pane.late();
        pane.entities().forEach((name, entity) -> {
            long[] running = entities.computeIfAbsent(name, key -> new long[6]);
            addSums(running, entity.sums(), sign);
            running[MENTIONS] += sign * entity.mentions();
            if (running[ARTICLES] == 0) {
                entities.remove(name);
            }
        });
    }

    /**
     * The tally of the window starting at {@code start}, holding only its {@code k} top entities (most mentions, ties
     * by name) and the number of its stories, which is all a narrative score reads of them; neither dirty nor
     * finished.
     */
    NarrativeTally snapshot(int k, long start) {
        List<Map.Entry<String, long[]>> ranked = new ArrayList<>(entities.entrySet());
        ranked.sort(BY_MENTIONS);
        Map<String, EntityTally> top = new TreeMap<>();
        for (Map.Entry<String, long[]> entity : ranked.subList(0, Math.min(k, ranked.size()))) {
            long[] running = entity.getValue();
            top.put(entity.getKey(), new EntityTally("", "", stanceSums(running), running[MENTIONS], false,
                    StoryCounts.NONE));
        }
        return new NarrativeTally(stanceSums(sums), counts[0], counts[1], counts[2], counts[3], false, false, top,
                StoryCounts.window(start, stories.values()));
    }

    private static void addSums(long[] into, StanceSums sums, int sign) {
        into[0] += sign * sums.articles();
        into[1] += sign * sums.stance();
        into[2] += sign * sums.weighted();
        into[3] += sign * sums.confidence();
        into[4] += sign * sums.sentiment();
    }

    private static StanceSums stanceSums(long[] running) {
        return new StanceSums(running[0], running[1], running[2], running[3], running[4]);
    }
}
