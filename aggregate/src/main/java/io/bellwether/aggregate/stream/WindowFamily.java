package io.bellwether.aggregate.stream;

import io.bellwether.aggregate.WindowSpec;
import io.bellwether.aggregate.tally.ArticleSignal;
import io.bellwether.aggregate.tally.EntityTally;
import io.bellwether.aggregate.tally.NarrativeTally;
import io.bellwether.aggregate.tally.Panes;
import io.bellwether.aggregate.tally.Scoring;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
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
    private final WindowStore<String, NarrativeTally> panes;
    private final WindowStore<String, NarrativeTally> closed;
    private final Scoring scoring;
    private final boolean earlyEntities;

    /** How an article fared: windows it was added to and closed windows it missed. */
    record Outcome(int added, int missed) {
    }

    /** A record to send on, with its key and timestamp. */
    record Output(String key, Emission emission, long timestamp) {
    }

    WindowFamily(WindowSpec spec, Duration grace, WindowStores stores, Scoring scoring, boolean earlyEntities) {
        this.spec = spec;
        this.grace = grace.toMillis();
        this.panes = stores.panes();
        this.closed = stores.closed();
        this.scoring = scoring;
        this.earlyEntities = earlyEntities;
    }

    /** The two stores of a family. */
    record WindowStores(WindowStore<String, NarrativeTally> panes, WindowStore<String, NarrativeTally> closed) {
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
            put(narrative, pane, pane(narrative, pane).add(signal));
        }
        return new Outcome(added, missed);
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
        SortedMap<String, Panes> due = Panes.byNarrative(spec, panes.fetchAll(Instant.ofEpochMilli(from),
                Instant.ofEpochMilli(to + spec.size().toMillis() - 1)));
        due.forEach((narrative, its) -> {
            // Oldest first, so the window one size earlier (momentum) is closed before the one that reads it.
            for (long start : its.windowStarts(from, to)) {
                NarrativeTally tally = its.window(start).emitted(true);
                emit(narrative, start, tally, closed.fetch(narrative, spec.previousStart(start)), true, out);
                closed.put(narrative, tally, start);
            }
        });
    }

    /** Emits an early update of every open window whose panes changed since the last early updates. */
    void flushUpdates(long now, Consumer<Output> out) {
        long offset = spec.size().toMillis() + grace;
        long from = Math.max(0, now - offset + 1);
        SortedMap<String, Panes> open = Panes.byNarrative(spec, panes.fetchAll(Instant.ofEpochMilli(from),
                Instant.ofEpochMilli(now)));
        open.forEach((narrative, its) -> {
            for (long start : its.windowStarts(from, now, NarrativeTally::dirty)) {
                long previous = spec.previousStart(start);
                emit(narrative, start, its.window(start), isClosed(previous, now) ? closed.fetch(narrative, previous)
                        : its.window(previous), false, out);
            }
            its.all().forEach((pane, tally) -> {
                if (tally.dirty()) {
                    put(narrative, pane, tally.emitted(false));
                }
            });
        });
    }

    private void emit(String narrative, long start, NarrativeTally tally, NarrativeTally previous, boolean isFinal,
                      Consumer<Output> out) {
        out.accept(new Output(Scoring.narrativeKey(narrative, spec, start),
                new Emission.Narrative(scoring.narrative(narrative, spec, start, tally, previous, isFinal)), start));
        if (!isFinal && !earlyEntities) {
            return;
        }
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
            if (isClosed(start, streamTime) && closed.fetch(narrative, start) == null) {
                closed.put(narrative, NarrativeTally.empty().emitted(true), start);
            }
        }
    }

    private boolean isClosed(long start, long streamTime) {
        return spec.endOf(start) + grace <= streamTime;
    }

    private NarrativeTally pane(String narrative, long start) {
        NarrativeTally current = panes.fetch(narrative, start);
        return current == null ? NarrativeTally.empty() : current;
    }

    private void put(String narrative, long start, NarrativeTally tally) {
        panes.put(narrative, tally, start);
    }
}
