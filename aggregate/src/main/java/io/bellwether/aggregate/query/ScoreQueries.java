package io.bellwether.aggregate.query;

import io.bellwether.aggregate.WindowSpec;
import io.bellwether.aggregate.tally.EntityTally;
import io.bellwether.aggregate.tally.NarrativeTally;
import io.bellwether.aggregate.tally.Scoring;
import io.bellwether.avro.EntityScore;
import io.bellwether.avro.NarrativeScore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Answers score queries from this instance's window stores, as the same records the topology emits (a closed
 * window reads {@code final: true}). Routing between instances is the HTTP layer's job.
 */
public final class ScoreQueries {
    static final Instant EARLIEST = Instant.EPOCH;
    static final Instant LATEST = Instant.ofEpochMilli(Long.MAX_VALUE);

    private final TallyStores stores;
    private final Scoring scoring;

    public ScoreQueries(TallyStores stores, Scoring scoring) {
        this.stores = stores;
        this.scoring = scoring;
    }

    /**
     * Per narrative held here, the trailing window: of the windows that contain the newest article, the one that
     * started earliest, so it covers the last full window size of data (the window that started last would hold
     * only the newest article). Falls back to the newest window when the trailing one is no longer stored.
     */
    public List<NarrativeScore> latestNarratives(WindowSpec spec) {
        ReadOnlyWindowStore<String, NarrativeTally> store = stores.narratives(spec);
        Map<String, KeyValue<Long, NarrativeTally>> latest = new TreeMap<>();
        try (KeyValueIterator<Windowed<String>, NarrativeTally> it = store.all()) {
            it.forEachRemaining(window -> {
                KeyValue<Long, NarrativeTally> seen = latest.get(window.key.key());
                long start = window.key.window().start();
                if (window.value.articles() > 0 && (seen == null || start > seen.key)) {
                    latest.put(window.key.key(), KeyValue.pair(start, window.value));
                }
            });
        }
        List<NarrativeScore> scores = new ArrayList<>();
        latest.forEach((narrative, window) -> {
            long trailingStart = window.key - spec.size().toMillis() + spec.advance().toMillis();
            NarrativeTally trailing = trailingStart < window.key ? store.fetch(narrative, trailingStart) : null;
            boolean useTrailing = trailing != null && trailing.articles() > 0;
            scores.add(score(store, spec, narrative, useTrailing ? trailingStart : window.key,
                    useTrailing ? trailing : window.value));
        });
        return scores;
    }

    /** Windows of {@code narrative} starting in [from, to], oldest first; empty when the narrative is unknown. */
    public List<NarrativeScore> narrativeScores(WindowSpec spec, String narrative, Instant from, Instant to) {
        ReadOnlyWindowStore<String, NarrativeTally> store = stores.narratives(spec);
        List<NarrativeScore> scores = new ArrayList<>();
        for (KeyValue<Long, NarrativeTally> window : windows(store, narrative, from, to)) {
            scores.add(score(store, spec, narrative, window.key, window.value));
        }
        return scores;
    }

    /** Entities of the newest window with articles of {@code narrative}, most mentioned first; empty when it is unknown. */
    public Optional<List<EntityScore>> topEntities(WindowSpec spec, String narrative, int top) {
        ReadOnlyWindowStore<String, NarrativeTally> store = stores.narratives(spec);
        List<KeyValue<Long, NarrativeTally>> all = windows(store, narrative, EARLIEST, LATEST).stream()
                .filter(window -> window.value.articles() > 0).toList();
        if (all.isEmpty()) {
            return Optional.empty();
        }
        KeyValue<Long, NarrativeTally> newest = all.get(all.size() - 1);
        NarrativeTally previous = store.fetch(narrative, spec.previousStart(newest.key));
        List<EntityScore> scores = new ArrayList<>();
        for (Map.Entry<String, EntityTally> entity : newest.value.topEntities(top)) {
            scores.add(entityScore(spec, narrative, newest.key, newest.value, entity, previous));
        }
        return Optional.of(scores);
    }

    /** Windows in [from, to] that mention {@code entity}, in the given narrative or in every one held here. */
    public List<EntityScore> entityScores(WindowSpec spec, String entity, Optional<String> narrative,
                                          Instant from, Instant to) {
        ReadOnlyWindowStore<String, NarrativeTally> store = stores.narratives(spec);
        List<EntityScore> scores = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, NarrativeTally> it = store.fetchAll(from, to)) {
            it.forEachRemaining(window -> {
                String key = window.key.key();
                EntityTally tally = window.value.entities().get(entity);
                if (tally != null && narrative.map(key::equals).orElse(true)) {
                    long start = window.key.window().start();
                    scores.add(entityScore(spec, key, start, window.value, Map.entry(entity, tally),
                            store.fetch(key, spec.previousStart(start))));
                }
            });
        }
        return scores;
    }

    private NarrativeScore score(ReadOnlyWindowStore<String, NarrativeTally> store, WindowSpec spec,
                                 String narrative, long start, NarrativeTally tally) {
        NarrativeTally previous = store.fetch(narrative, spec.previousStart(start));
        return scoring.narrative(narrative, spec, start, tally, previous, tally.finished());
    }

    private EntityScore entityScore(WindowSpec spec, String narrative, long start, NarrativeTally window,
                                    Map.Entry<String, EntityTally> entity, NarrativeTally previous) {
        EntityTally before = previous == null ? null : previous.entities().get(entity.getKey());
        return scoring.entity(narrative, spec, start, entity, before, window.finished());
    }

    private static List<KeyValue<Long, NarrativeTally>> windows(ReadOnlyWindowStore<String, NarrativeTally> store,
                                                                String narrative, Instant from, Instant to) {
        List<KeyValue<Long, NarrativeTally>> windows = new ArrayList<>();
        try (WindowStoreIterator<NarrativeTally> it = store.fetch(narrative, from, to)) {
            it.forEachRemaining(windows::add);
        }
        return windows;
    }
}
