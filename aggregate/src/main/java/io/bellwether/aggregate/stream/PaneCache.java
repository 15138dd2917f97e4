package io.bellwether.aggregate.stream;

import io.bellwether.aggregate.WindowSpec;
import io.bellwether.aggregate.tally.NarrativeTally;
import io.bellwether.aggregate.tally.Panes;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The panes of one family's open windows, decoded, in front of the pane store: every write goes to the store (so
 * the changelog has it) and here. Early updates and finals read whole ranges of panes at every tick, and decoding
 * them from the store each time was the aggregation's largest cost. The processor owns it: a task that is
 * re-initialised starts with an empty one and reads the store again.
 */
final class PaneCache {
    private final WindowSpec spec;
    private final WindowStore<String, NarrativeTally> store;
    private final NavigableMap<Long, Map<String, NarrativeTally>> byStart = new TreeMap<>();
    /** Every pane of the store at or after this start is here too. */
    private long completeFrom = Long.MAX_VALUE;

    PaneCache(WindowSpec spec, WindowStore<String, NarrativeTally> store) {
        this.spec = spec;
        this.store = store;
    }

    /** The pane of {@code narrative} at {@code start}, or null. */
    NarrativeTally get(String narrative, long start) {
        if (start < completeFrom) {
            return store.fetch(narrative, start);
        }
        Map<String, NarrativeTally> panes = byStart.get(start);
        return panes == null ? null : panes.get(narrative);
    }

    void put(String narrative, long start, NarrativeTally pane) {
        store.put(narrative, pane, start);
        if (start >= completeFrom) {
            byStart.computeIfAbsent(start, key -> new HashMap<>()).put(narrative, pane);
        }
    }

    /** The panes starting in [{@code from}, {@code to}], by narrative. */
    SortedMap<String, Panes> range(long from, long to) {
        if (from < completeFrom) {
            load(from, completeFrom - 1);
            completeFrom = from;
        }
        SortedMap<String, Panes> panes = new TreeMap<>();
        byStart.subMap(from, true, to, true).forEach((start, byNarrative) -> byNarrative.forEach((narrative, pane) ->
                panes.computeIfAbsent(narrative, key -> new Panes(spec)).put(start, pane)));
        return panes;
    }

    /** Forgets the panes before {@code start}: no open window covers them any more (the store still has them). */
    void forgetBefore(long start) {
        if (start > completeFrom) {
            byStart.headMap(start, false).clear();
            completeFrom = start;
        }
    }

    private void load(long from, long to) {
        try (KeyValueIterator<Windowed<String>, NarrativeTally> it = store.fetchAll(Instant.ofEpochMilli(from),
                Instant.ofEpochMilli(to))) {
            while (it.hasNext()) {
                KeyValue<Windowed<String>, NarrativeTally> pane = it.next();
                byStart.computeIfAbsent(pane.key.window().start(), key -> new HashMap<>())
                        .putIfAbsent(pane.key.key(), pane.value);
            }
        }
    }
}
