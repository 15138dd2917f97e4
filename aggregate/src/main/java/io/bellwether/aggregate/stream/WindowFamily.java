package io.bellwether.aggregate.stream;

import io.bellwether.aggregate.WindowSpec;
import io.bellwether.aggregate.tally.ArticleSignal;
import io.bellwether.aggregate.tally.EntityTally;
import io.bellwether.aggregate.tally.NarrativeTally;
import io.bellwether.aggregate.tally.Scoring;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The windows of one family (size and advance) over one window store: adds articles to the open windows,
 * counts the closed ones an article missed, and emits early updates and finals as stream time moves.
 */
final class WindowFamily {
    private final WindowSpec spec;
    private final long grace;
    private final WindowStore<String, NarrativeTally> store;
    private final Scoring scoring;

    /** How an article fared: windows it was added to and closed windows it missed. */
    record Outcome(int added, int missed) {
    }

    /** A record to send on, with its key and timestamp. */
    record Output(String key, Emission emission, long timestamp) {
    }

    WindowFamily(WindowSpec spec, Duration grace, WindowStore<String, NarrativeTally> store, Scoring scoring) {
        this.spec = spec;
        this.grace = grace.toMillis();
        this.store = store;
        this.scoring = scoring;
    }

    WindowSpec spec() {
        return spec;
    }

    Outcome add(String narrative, ArticleSignal signal, long timestamp, long streamTime) {
        int added = 0;
        int missed = 0;
        for (long start : spec.startsContaining(timestamp)) {
            if (spec.endOf(start) + grace <= streamTime) {
                missed++;
            } else {
                put(narrative, start, tally(narrative, start).add(signal));
                added++;
            }
        }
        return new Outcome(added, missed);
    }

    /** A late arrival is reported by every window that is open at the stream time it arrived. */
    void countLate(String narrative, long streamTime) {
        for (long start : spec.startsContaining(streamTime)) {
            put(narrative, start, tally(narrative, start).plusLate());
        }
    }

    /** Emits the final record of every window whose end plus grace lies in (before, now]. */
    void closeDue(long before, long now, Consumer<Output> out) {
        long offset = spec.size().toMillis() + grace;
        for (KeyValue<Windowed<String>, NarrativeTally> window : windows(before - offset + 1, now - offset)) {
            if (!window.value.finished()) {
                emit(window.key.key(), window.key.window().start(), window.value, true, out);
            }
        }
    }

    /** Emits an early update of every open window that changed since its last record. */
    void flushUpdates(long now, Consumer<Output> out) {
        long offset = spec.size().toMillis() + grace;
        for (KeyValue<Windowed<String>, NarrativeTally> window : windows(now - offset + 1, now)) {
            if (window.value.dirty() && !window.value.finished()) {
                emit(window.key.key(), window.key.window().start(), window.value, false, out);
            }
        }
    }

    private void emit(String narrative, long start, NarrativeTally tally, boolean isFinal, Consumer<Output> out) {
        NarrativeTally previous = store.fetch(narrative, spec.previousStart(start));
        out.accept(new Output(Scoring.narrativeKey(narrative, spec, start),
                new Emission.Narrative(scoring.narrative(narrative, spec, start, tally, previous, isFinal)), start));
        for (Map.Entry<String, EntityTally> entity : tally.entities().entrySet()) {
            if (isFinal || entity.getValue().dirty()) {
                EntityTally before = previous == null ? null : previous.entities().get(entity.getKey());
                out.accept(new Output(Scoring.entityKey(entity.getKey(), narrative, spec, start),
                        new Emission.Entity(scoring.entity(narrative, spec, start, entity, before, isFinal)), start));
            }
        }
        put(narrative, start, tally.emitted(isFinal));
    }

    /** Windows starting in [from, to], read fully before anything is written back. */
    private List<KeyValue<Windowed<String>, NarrativeTally>> windows(long from, long to) {
        List<KeyValue<Windowed<String>, NarrativeTally>> windows = new ArrayList<>();
        if (to < 0 || to < from) {
            return windows;
        }
        try (KeyValueIterator<Windowed<String>, NarrativeTally> it =
                     store.fetchAll(Instant.ofEpochMilli(Math.max(0, from)), Instant.ofEpochMilli(to))) {
            it.forEachRemaining(windows::add);
        }
        return windows;
    }

    private NarrativeTally tally(String narrative, long start) {
        NarrativeTally current = store.fetch(narrative, start);
        return current == null ? NarrativeTally.empty() : current;
    }

    private void put(String narrative, long start, NarrativeTally tally) {
        store.put(narrative, tally, start);
    }
}
