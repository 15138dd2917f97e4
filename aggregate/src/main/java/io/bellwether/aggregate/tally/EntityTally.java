package io.bellwether.aggregate.tally;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;

/**
 * Running sums for one entity within one narrative window; stance is that of the articles mentioning it, and
 * {@code stories} counts their stories ({@link StoryCounts}: a pane's histogram or a window's number).
 * Type and camp are merged order-independently (a named camp beats "none", then the smaller name wins).
 */
public record EntityTally(String type, String camp, StanceSums sums, long mentions, boolean dirty,
                          @JsonIgnore StoryCounts stories) {

    /** Tallies written before stories (and JSON ones) have none. */
    public EntityTally {
        stories = stories == null ? StoryCounts.NONE : stories;
    }

    static EntityTally first(ArticleSignal.EntityMention mention) {
        return new EntityTally(mention.type(), mention.camp(), StanceSums.NONE, 0, false, StoryCounts.NONE);
    }

    EntityTally add(ArticleSignal article, ArticleSignal.EntityMention mention) {
        return new EntityTally(smaller(type, mention.type()), mergeCamp(camp, mention.camp()),
                sums.plus(article, mention.sentiment()), mentions + mention.mentions(), true, stories);
    }

    /** Both tallies together (their articles are disjoint): sums add, type and camp merge as per article. */
    EntityTally plus(EntityTally other) {
        return new EntityTally(smaller(type, other.type), mergeCamp(camp, other.camp), sums.plus(other.sums),
                mentions + other.mentions, dirty || other.dirty, stories.plus(other.stories));
    }

    EntityTally withStories(StoryCounts counts) {
        return new EntityTally(type, camp, sums, mentions, dirty, counts);
    }

    /**
     * The entity in the window starting at {@code start}, from its tallies in the window's panes: as {@link #plus}
     * of each in turn, its stories counted from the panes' histograms.
     */
    static EntityTally sum(long start, List<EntityTally> tallies) {
        EntityTally first = tallies.get(0);
        String type = first.type;
        String camp = first.camp;
        StanceSums sums = first.sums;
        long mentions = first.mentions;
        boolean dirty = first.dirty;
        List<StoryCounts> stories = new ArrayList<>(tallies.size());
        stories.add(first.stories);
        for (EntityTally other : tallies.subList(1, tallies.size())) {
            type = smaller(type, other.type);
            camp = mergeCamp(camp, other.camp);
            sums = sums.plus(other.sums);
            mentions += other.mentions;
            dirty |= other.dirty;
            stories.add(other.stories);
        }
        return new EntityTally(type, camp, sums, mentions, dirty, StoryCounts.window(start, stories));
    }

    EntityTally clean() {
        return new EntityTally(type, camp, sums, mentions, false, stories);
    }

    private static String smaller(String a, String b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String mergeCamp(String a, String b) {
        if ("none".equals(a)) {
            return b;
        }
        return "none".equals(b) ? a : smaller(a, b);
    }
}
