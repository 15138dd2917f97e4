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

/**
 * Answers score queries from this instance's window tallies, as the same records the topology emits (a closed
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
        WindowTallies tallies = stores.narratives(spec);
        Map<String, WindowTallies.Window> latest = new TreeMap<>();
        for (WindowTallies.Window window : tallies.windows(Optional.empty(), EARLIEST.toEpochMilli(),
                LATEST.toEpochMilli())) {
            WindowTallies.Window seen = latest.get(window.narrative());
            if (window.tally().articles() > 0 && (seen == null || window.start() > seen.start())) {
                latest.put(window.narrative(), window);
            }
        }
        List<NarrativeScore> scores = new ArrayList<>();
        latest.forEach((narrative, window) -> {
            long trailingStart = window.start() - spec.size().toMillis() + spec.advance().toMillis();
            NarrativeTally trailing = trailingStart < window.start() ? tallies.window(narrative, trailingStart) : null;
            boolean useTrailing = trailing != null && trailing.articles() > 0;
            scores.add(score(tallies, spec, narrative, useTrailing ? trailingStart : window.start(),
                    useTrailing ? trailing : window.tally()));
        });
        return scores;
    }

    /** Windows of {@code narrative} starting in [from, to], oldest first; empty when the narrative is unknown. */
    public List<NarrativeScore> narrativeScores(WindowSpec spec, String narrative, Instant from, Instant to) {
        WindowTallies tallies = stores.narratives(spec);
        List<NarrativeScore> scores = new ArrayList<>();
        for (WindowTallies.Window window : windows(tallies, Optional.of(narrative), from, to)) {
            scores.add(score(tallies, spec, narrative, window.start(), window.tally()));
        }
        return scores;
    }

    /** Entities of the newest window with articles of {@code narrative}, most mentioned first; empty when it is unknown. */
    public Optional<List<EntityScore>> topEntities(WindowSpec spec, String narrative, int top) {
        WindowTallies tallies = stores.narratives(spec);
        List<WindowTallies.Window> all = windows(tallies, Optional.of(narrative), EARLIEST, LATEST).stream()
                .filter(window -> window.tally().articles() > 0).toList();
        if (all.isEmpty()) {
            return Optional.empty();
        }
        WindowTallies.Window newest = all.get(all.size() - 1);
        NarrativeTally previous = tallies.window(narrative, spec.previousStart(newest.start()));
        List<EntityScore> scores = new ArrayList<>();
        for (Map.Entry<String, EntityTally> entity : newest.tally().topEntities(top)) {
            scores.add(entityScore(spec, narrative, newest.start(), newest.tally(), entity, previous));
        }
        return Optional.of(scores);
    }

    /** Windows in [from, to] that mention {@code entity}, in the given narrative or in every one held here. */
    public List<EntityScore> entityScores(WindowSpec spec, String entity, Optional<String> narrative,
                                          Instant from, Instant to) {
        WindowTallies tallies = stores.narratives(spec);
        List<EntityScore> scores = new ArrayList<>();
        for (WindowTallies.Window window : windows(tallies, narrative, from, to)) {
            EntityTally tally = window.tally().entities().get(entity);
            if (tally != null) {
                scores.add(entityScore(spec, window.narrative(), window.start(), window.tally(),
                        Map.entry(entity, tally), tallies.window(window.narrative(), spec.previousStart(window.start()))));
            }
        }
        return scores;
    }

    private NarrativeScore score(WindowTallies tallies, WindowSpec spec, String narrative, long start,
                                 NarrativeTally tally) {
        NarrativeTally previous = tallies.window(narrative, spec.previousStart(start));
        return scoring.narrative(narrative, spec, start, tally, previous == null ? null : previous.sums(),
                tally.finished());
    }

    private EntityScore entityScore(WindowSpec spec, String narrative, long start, NarrativeTally window,
                                    Map.Entry<String, EntityTally> entity, NarrativeTally previous) {
        EntityTally before = previous == null ? null : previous.entities().get(entity.getKey());
        return scoring.entity(narrative, spec, start, entity, before, window.finished());
    }

    private static List<WindowTallies.Window> windows(WindowTallies tallies, Optional<String> narrative, Instant from,
                                                      Instant to) {
        return tallies.windows(narrative, from.toEpochMilli(), to.toEpochMilli());
    }
}
