package io.bellwether.aggregate.stream;

import io.bellwether.aggregate.WindowSpec;
import io.bellwether.aggregate.tally.ArticleSignal;
import io.bellwether.aggregate.tally.EntityTally;
import io.bellwether.aggregate.tally.NarrativeTally;
import io.bellwether.aggregate.tally.Panes;
import io.bellwether.aggregate.tally.Scoring;
import io.bellwether.aggregate.tally.StanceSums;
import io.bellwether.aggregate.tally.StoryCounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The windows of one family (size and advance) over its pane store and its store of closed windows: an article
 * updates the one pane of its event time; early updates and finals sum a window's panes as stream time moves, and a
 * closed window is kept as its final record had it, so articles that come later for other windows leave it alone.
 */
final class WindowFamily {
    private final WindowSpec spec;
    private final long grace;
    private final PaneCache panes;
    private final WindowStore<String, NarrativeTally> closed;
    private final StoryPanes stories;
    private final Scoring scoring;
    private final boolean earlyEntities;
    private final ClosedSums closedSums = new ClosedSums();

    /** How an article fared: windows it was added to and closed windows it missed. */
    record Outcome(int added, int missed) {
    }

    /** A record to send on, with its key and timestamp. */
    record Output(String key, Emission emission, long timestamp) {
    }

    WindowFamily(WindowSpec spec, Duration grace, WindowStores stores, Scoring scoring, boolean earlyEntities) {
        this.spec = spec;
        this.grace = grace.toMillis();
        this.panes = new PaneCache(spec, stores.panes());
        this.closed = stores.closed();
        this.stories = new StoryPanes(spec, stores.stories());
        this.scoring = scoring;
        this.earlyEntities = earlyEntities;
    }

    /** The three stores of a family. */
    record WindowStores(WindowStore<String, NarrativeTally> panes, WindowStore<String, NarrativeTally> closed,
                        WindowStore<String, List<String>> stories) {
    }

    WindowSpec spec() {
        return spec;
    }

    Outcome add(String narrative, ArticleSignal signal, long timestamp, long streamTime) {
        int added = 0;
        int missed = 0;
        for (long start : spec.startsContaining(timestamp)) {
            if (isClosed(start, streamTime)) {
                missed++;
            } else {
                added++;
            }
        }
        if (added > 0) {
            if (missed > 0) {
                markClosed(narrative, timestamp, streamTime);
            }
            long pane = spec.paneOf(timestamp);
            put(narrative, pane, countStory(narrative, pane, pane(narrative, pane).add(signal), signal));
        }
        return new Outcome(added, missed);
    }

    /**
     * Counts the article's story in its pane's histograms, the narrative's and each named entity's, unless the pane
     * held the story (with that entity) already. When a later pane holds the story too, that pane's story is now
     * held last here: its histogram moves it, which changes no window but those holding this pane.
     */
    private NarrativeTally countStory(String narrative, long pane, NarrativeTally tally, ArticleSignal signal) {
        NavigableMap<Long, List<String>> held = stories.around(narrative, signal.storyId(), pane);
        List<String> here = held.remove(pane);
        Map<Long, StoryMoves> later = new TreeMap<>();
        StoryCounts own = tally.stories();
        if (here == null) {
            Long before = held.lowerKey(pane);
            own = own.plusStory(before == null ? StoryCounts.NONE_BEFORE : before);
            Long after = held.higherKey(pane);
            if (after != null) {
                later.computeIfAbsent(after, start -> new StoryMoves()).narrative(previousOf(before, after), pane);
            }
        }
        Map<String, StoryCounts> entities = new HashMap<>();
        List<String> names = new ArrayList<>(signal.entities().size());
        for (ArticleSignal.EntityMention mention : signal.entities()) {
            String name = mention.name();
            names.add(name);
            if (here != null && here.contains(name)) {
                continue;
            }
            Long before = naming(held.headMap(pane, false).descendingMap(), name);
            Long after = naming(held.tailMap(pane, false), name);
            entities.put(name, tally.entities().get(name).stories()
                    .plusStory(before == null ? StoryCounts.NONE_BEFORE : before));
            if (after != null) {
                later.computeIfAbsent(after, start -> new StoryMoves()).entity(name, previousOf(before, after), pane);
            }
        }
        later.forEach((start, moves) -> put(narrative, start, moves.applyTo(pane(narrative, start))));
        stories.record(narrative, signal.storyId(), pane, here, names);
        return tally.withStories(own, entities);
    }

    /** The first pane in {@code panes}' order whose articles of the story named {@code name}, or null. */
    private static Long naming(NavigableMap<Long, List<String>> panes, String name) {
        for (Map.Entry<Long, List<String>> pane : panes.entrySet()) {
            if (pane.getValue().contains(name)) {
                return pane.getKey();
            }
        }
        return null;
    }

    /** What pane {@code after} had as its story's previous pane: {@code before} if within one window size. */
    private long previousOf(Long before, long after) {
        return before != null && before > after - spec.size().toMillis() ? before : StoryCounts.NONE_BEFORE;
    }

    /** The story moves of one later pane: its story, and some of its entities' stories, held last elsewhere now. */
    private static final class StoryMoves {
        private long[] narrative;
        private final Map<String, long[]> entities = new HashMap<>();

        void narrative(long from, long to) {
            narrative = new long[] {from, to};
        }

        void entity(String name, long from, long to) {
            entities.put(name, new long[] {from, to});
        }

        NarrativeTally applyTo(NarrativeTally pane) {
            StoryCounts own = narrative == null ? pane.stories() : pane.stories().moveStory(narrative[0], narrative[1]);
            Map<String, StoryCounts> moved = new HashMap<>();
            entities.forEach((name, move) -> {
                EntityTally entity = pane.entities().get(name);
                if (entity == null) {
                    throw new IllegalStateException("story pane lists entity " + name + " that its pane lacks");
                }
                moved.put(name, entity.stories().moveStory(move[0], move[1]));
            });
            return pane.withStories(own, moved);
        }
    }

    /** A late arrival is reported by every window open at the stream time it arrived: the pane of that time. */
    void countLate(String narrative, long streamTime) {
        long pane = spec.paneOf(streamTime);
        put(narrative, pane, pane(narrative, pane).plusLate());
    }

    /** Emits the final record of every window whose end plus grace lies in (before, now], and keeps it closed. */
    void closeDue(long before, long now, Consumer<Output> out) {
        long offset = spec.size().toMillis() + grace;
        long from = Math.max(0, before - offset + 1);
        long to = now - offset;
        if (to < from) {
            return;
        }
        SortedMap<String, Panes> due = panes.range(from, to + spec.size().toMillis() - 1);
        due.forEach((narrative, its) -> {
            // Oldest first, so the window one size earlier (momentum) is closed before the one that reads it.
            for (long start : its.windowStarts(from, to)) {
                NarrativeTally tally = its.window(start).emitted(true);
                NarrativeTally previous = closed.fetch(narrative, spec.previousStart(start));
                emitNarrative(narrative, start, tally, previous == null ? null : previous.sums(), true, out);
                emitEntities(narrative, start, tally, previous, true, out);
                closed.put(narrative, tally, start);
                closedSums.remember(narrative, start, tally.sums());
            }
        });
        panes.forgetBefore(to + 1);
    }

    /**
     * Emits an early update of every open window whose panes changed since the last early updates. Without entity
     * updates, the windows' narrative tallies are slid pane by pane ({@link Panes#narrativeWindows}).
     */
    void flushUpdates(long now, Consumer<Output> out) {
        long offset = spec.size().toMillis() + grace;
        long from = Math.max(0, now - offset + 1);
        SortedMap<String, Panes> open = panes.range(from, now);
        open.forEach((narrative, its) -> {
            SortedSet<Long> changed = its.windowStarts(from, now, NarrativeTally::dirty);
            if (earlyEntities) {
                for (long start : changed) {
                    NarrativeTally tally = its.window(start);
                    NarrativeTally previous = previousWindow(narrative, start, now, its);
                    emitNarrative(narrative, start, tally, previous == null ? null : previous.sums(), false, out);
                    emitEntities(narrative, start, tally, previous, false, out);
                }
            } else {
                its.narrativeWindows(changed, scoring.topEntities()).forEach((start, tally) ->
                        emitNarrative(narrative, start, tally, previousSums(narrative, start, now, its), false, out));
            }
            its.all().forEach((pane, tally) -> {
                if (tally.dirty()) {
                    put(narrative, pane, tally.emitted(false));
                }
            });
        });
    }

    private NarrativeTally previousWindow(String narrative, long start, long now, Panes its) {
        long previous = spec.previousStart(start);
        return isClosed(previous, now) ? closed.fetch(narrative, previous) : its.window(previous);
    }

    private StanceSums previousSums(String narrative, long start, long now, Panes its) {
        long previous = spec.previousStart(start);
        if (!isClosed(previous, now)) {
            return its.sums(previous);
        }
        return closedSums(narrative, previous);
    }

    private void emitNarrative(String narrative, long start, NarrativeTally tally, StanceSums previous,
                               boolean isFinal, Consumer<Output> out) {
        out.accept(new Output(Scoring.narrativeKey(narrative, spec, start),
                new Emission.Narrative(scoring.narrative(narrative, spec, start, tally, previous, isFinal)), start));
    }

    /** A final's entity scores, all of them; an early update's, those that changed. */
    private void emitEntities(String narrative, long start, NarrativeTally tally, NarrativeTally previous,
                              boolean isFinal, Consumer<Output> out) {
        for (Map.Entry<String, EntityTally> entity : tally.entities().entrySet()) {
            if (isFinal || entity.getValue().dirty()) {
                EntityTally before = previous == null ? null : previous.entities().get(entity.getKey());
                out.accept(new Output(Scoring.entityKey(entity.getKey(), narrative, spec, start),
                        new Emission.Entity(scoring.entity(narrative, spec, start, entity, before, isFinal)), start));
            }
        }
    }

    /**
     * The closed windows an article missed stay as their finals had them; one that nothing reached in time is
     * marked closed and empty, or its panes, which now hold the article, would make it look open.
     */
    private void markClosed(String narrative, long timestamp, long streamTime) {
        for (long start : spec.startsContaining(timestamp)) {
            if (isClosed(start, streamTime) && closedSums(narrative, start) == null) {
                closed.put(narrative, NarrativeTally.empty().emitted(true), start);
                closedSums.remember(narrative, start, StanceSums.NONE);
            }
        }
    }

    /** The sums of a closed window (remembered: a closed window never changes), or null when it is not stored. */
    private StanceSums closedSums(String narrative, long start) {
        return closedSums.get(narrative, start, () -> {
            NarrativeTally done = closed.fetch(narrative, start);
            return done == null ? null : done.sums();
        });
    }

    private boolean isClosed(long start, long streamTime) {
        return spec.endOf(start) + grace <= streamTime;
    }

    private NarrativeTally pane(String narrative, long start) {
        NarrativeTally current = panes.get(narrative, start);
        return current == null ? NarrativeTally.empty() : current;
    }

    private void put(String narrative, long start, NarrativeTally tally) {
        panes.put(narrative, start, tally);
    }
}
