package io.bellwether.aggregate.tally;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Running sums for one narrative in one window, with the per-entity sums behind its top entities and entity
 * scores. Sums are fixed-point longs, so the state (and every final record) is independent of arrival order.
 *
 * @param late     articles that missed a closed window and arrived while this window was open (stream time)
 * @param dirty    changed since the last record emitted for it
 * @param finished its final record has been emitted
 * @param stories  a pane's story histogram or a window's number of stories ({@link StoryCounts}; none in tallies
 *                 written before stories, and in JSON tallies, which never carry them)
 */
public record NarrativeTally(StanceSums sums, long open, long closed, long neutral, long late, boolean dirty,
                             boolean finished, Map<String, EntityTally> entities,
                             @JsonIgnore StoryCounts stories) {

    /** Top entities: most mentions first, ties broken by name so the order never depends on arrival. */
    public static final Comparator<Map.Entry<String, EntityTally>> BY_MENTIONS =
            Comparator.<Map.Entry<String, EntityTally>>comparingLong(e -> -e.getValue().mentions())
                    .thenComparing(Map.Entry::getKey);

    /** A {@link TreeMap} of entities is taken over as it is (every caller builds a fresh one), any other map copied. */
    public NarrativeTally {
        entities = Collections.unmodifiableSortedMap(entities instanceof TreeMap<String, EntityTally> sorted ? sorted
                : new TreeMap<>(entities));
        stories = stories == null ? StoryCounts.NONE : stories;
    }

    public static NarrativeTally empty() {
        return new NarrativeTally(StanceSums.NONE, 0, 0, 0, 0, false, false, Map.of(), StoryCounts.NONE);
    }

    public NarrativeTally add(ArticleSignal signal) {
        Map<String, EntityTally> merged = new TreeMap<>(entities);
        for (ArticleSignal.EntityMention mention : signal.entities()) {
            EntityTally current = merged.getOrDefault(mention.name(), EntityTally.first(mention));
            merged.put(mention.name(), current.add(signal, mention));
        }
        String label = signal.label();
        return new NarrativeTally(sums.plus(signal, signal.sentiment()), open + ("open".equals(label) ? 1 : 0),
                closed + ("closed".equals(label) ? 1 : 0),
                neutral + ("open".equals(label) || "closed".equals(label) ? 0 : 1), late, true, finished, merged,
                stories);
    }

    /**
     * The same tally with the story counts {@code counts} and, for the entities named in {@code byEntity}, theirs
     * (the story accounting is the window family's); every entity named must be here.
     */
    public NarrativeTally withStories(StoryCounts counts, Map<String, StoryCounts> byEntity) {
        Map<String, EntityTally> changed = entities;
        if (!byEntity.isEmpty()) {
            TreeMap<String, EntityTally> copy = new TreeMap<>(entities);
            byEntity.forEach((name, its) -> {
                EntityTally entity = copy.get(name);
                if (entity == null) {
                    throw new IllegalArgumentException("no entity " + name + " in this tally");
                }
                copy.put(name, entity.withStories(its));
            });
            changed = copy;
        }
        return new NarrativeTally(sums, open, closed, neutral, late, dirty, finished, changed, counts);
    }

    /**
     * This tally and {@code other} together, as if one tally had taken both's articles: two parts of one pane with
     * disjoint articles and stories. Counts and fixed-point sums add, entities merge by name, story histograms
     * add; dirty if either is, finished if either is.
     */
    public NarrativeTally plus(NarrativeTally other) {
        Map<String, EntityTally> merged = new TreeMap<>(entities);
        other.entities.forEach((name, tally) -> merged.merge(name, tally, EntityTally::plus));
        return new NarrativeTally(sums.plus(other.sums), open + other.open, closed + other.closed,
                neutral + other.neutral, late + other.late, dirty || other.dirty, finished || other.finished, merged,
                stories.plus(other.stories));
    }

    /**
     * The panes of the window starting at {@code start} together, merged in one pass ({@link #plus} for each would
     * copy the entities each time); its stories and each entity's are counted from the panes' histograms
     * ({@link StoryCounts#window}).
     */
    static NarrativeTally sum(long start, Collection<NarrativeTally> panes) {
        StanceSums sums = StanceSums.NONE;
        long[] counts = new long[4];
        boolean dirty = false;
        boolean finished = false;
        Map<String, List<EntityTally>> byEntity = new HashMap<>();
        List<StoryCounts> stories = new ArrayList<>(panes.size());
        for (NarrativeTally pane : panes) {
            stories.add(pane.stories);
            sums = sums.plus(pane.sums);
            counts[0] += pane.open;
            counts[1] += pane.closed;
            counts[2] += pane.neutral;
            counts[3] += pane.late;
            dirty |= pane.dirty;
            finished |= pane.finished;
            pane.entities.forEach((name, tally) -> byEntity.computeIfAbsent(name, key -> new ArrayList<>()).add(tally));
        }
        TreeMap<String, EntityTally> merged = new TreeMap<>();
        byEntity.forEach((name, tallies) -> merged.put(name, EntityTally.sum(start, tallies)));
        return new NarrativeTally(sums, counts[0], counts[1], counts[2], counts[3], dirty, finished, merged,
                StoryCounts.window(start, stories));
    }

    /** Holds neither an article nor a late arrival: what a window that no article reached would be. */
    public boolean blank() {
        return sums.articles() == 0 && late == 0;
    }

    public NarrativeTally plusLate() {
        return new NarrativeTally(sums, open, closed, neutral, late + 1, true, finished, entities, stories);
    }

    /** The same sums, marked as emitted; {@code finish} also marks the window closed. */
    public NarrativeTally emitted(boolean finish) {
        Map<String, EntityTally> cleaned = new TreeMap<>();
        entities.forEach((name, tally) -> cleaned.put(name, tally.clean()));
        return new NarrativeTally(sums, open, closed, neutral, late, false, finished || finish, cleaned, stories);
    }

    public long articles() {
        return sums.articles();
    }

    public double share(long part) {
        return articles() == 0 ? 0d : (double) part / articles();
    }

    /** The {@code k} entities with the most mentions (ties by name). */
    public List<Map.Entry<String, EntityTally>> topEntities(int k) {
        return entities.entrySet().stream().sorted(BY_MENTIONS).limit(k).toList();
    }
}
