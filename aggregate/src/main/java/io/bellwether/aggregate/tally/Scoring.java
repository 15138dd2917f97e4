package io.bellwether.aggregate.tally;

import io.bellwether.aggregate.WindowSpec;
import io.bellwether.avro.EntityScore;
import io.bellwether.avro.EntityStance;
import io.bellwether.avro.NarrativeScore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Turns window tallies into the public score records and their keys. Pure: the same tallies always give the
 * same records, whether for the topic or for a query.
 */
public final class Scoring {
    private final int topEntities;

    public Scoring(int topEntities) {
        this.topEntities = topEntities;
    }

    /** How many top entities a narrative score lists. */
    public int topEntities() {
        return topEntities;
    }

    /** {@code narrative@2026-10-04T09:00:00Z/PT1H}. */
    public static String narrativeKey(String narrative, WindowSpec spec, long start) {
        return narrative + "@" + Instant.ofEpochMilli(start) + "/" + spec.label();
    }

    /** {@code entity|narrative@2026-10-04T09:00:00Z/PT1H}. */
    public static String entityKey(String entity, String narrative, WindowSpec spec, long start) {
        return entity + "|" + narrativeKey(narrative, spec, start);
    }

    /**
     * The score of one window.
     *
     * @param previous the sums of the window one size earlier, or null; an empty one counts as none
     */
    public NarrativeScore narrative(String narrative, WindowSpec spec, long start, NarrativeTally tally,
                                    StanceSums previous, boolean isFinal) {
        List<EntityStance> top = tally.topEntities(topEntities).stream()
                .map(e -> new EntityStance(e.getKey(), e.getValue().sums().weightedStance(), e.getValue().mentions()))
                .toList();
        StanceSums sums = tally.sums();
        return NarrativeScore.newBuilder()
                .setNarrative(narrative)
                .setWindowStart(Instant.ofEpochMilli(start))
                .setWindowEnd(Instant.ofEpochMilli(spec.endOf(start)))
                .setWindowSize(spec.label())
                .setArticleCount(sums.articles())
                .setStoryCount(tally.stories().distinct())
                .setMeanStance(sums.meanStance())
                .setWeightedStance(sums.weightedStance())
                .setOpenShare(tally.share(tally.open()))
                .setClosedShare(tally.share(tally.closed()))
                .setNeutralShare(tally.share(tally.neutral()))
                .setMeanSentiment(sums.meanSentiment())
                .setMomentum(sums.momentumSince(previous))
                .setTopEntities(top)
                .setLateArticles(tally.late())
                .setFinal$(isFinal)
                .build();
    }

    /** The score of one entity in one narrative window; {@code previous} is that entity's tally a size earlier. */
    public EntityScore entity(String narrative, WindowSpec spec, long start, Map.Entry<String, EntityTally> entry,
                              EntityTally previous, boolean isFinal) {
        EntityTally tally = entry.getValue();
        StanceSums sums = tally.sums();
        return EntityScore.newBuilder()
                .setEntity(entry.getKey())
                .setEntityType(tally.type())
                .setNarrative(narrative)
                .setCamp(tally.camp())
                .setWindowStart(Instant.ofEpochMilli(start))
                .setWindowEnd(Instant.ofEpochMilli(spec.endOf(start)))
                .setWindowSize(spec.label())
                .setArticleCount(sums.articles())
                .setStoryCount(tally.stories().distinct())
                .setMentions(tally.mentions())
                .setMeanStance(sums.meanStance())
                .setWeightedStance(sums.weightedStance())
                .setMeanSentiment(sums.meanSentiment())
                .setMomentum(sums.momentumSince(previous == null ? null : previous.sums()))
                .setFinal$(isFinal)
                .build();
    }
}
