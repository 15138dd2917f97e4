package io.bellwether.enrich.story;

import io.bellwether.avro.EnrichedArticle;

/**
 * Decides whether two signatures tell the same story, the way the topology does: they must share the bucket of
 * at least one LSH band (the only way one can find the other), both must have enough shingles, and their
 * estimated similarity must reach the threshold.
 */
public final class StoryMatcher {
    private final StorySettings settings;

    public StoryMatcher(StorySettings settings) {
        this.settings = settings;
    }

    public boolean candidates(StorySignature a, StorySignature b) {
        for (int band = 0; band < settings.bands(); band++) {
            if (a.bandHash(band, settings.rows()) == b.bandHash(band, settings.rows())) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code candidate}, found in a shared band bucket, is close enough to {@code article}. */
    public boolean close(StorySignature article, StorySignature candidate) {
        return article.shingles() >= settings.minShingles() && candidate.shingles() >= settings.minShingles()
                && article.similarity(candidate) >= settings.threshold();
    }

    public boolean sameStory(StorySignature a, StorySignature b) {
        return candidates(a, b) && close(a, b);
    }

    /**
     * The earliest of {@code candidates} (event time, then id) that comes before {@code probe}, lies within the
     * horizon before it and is close enough; {@code earliest} (may be null) if none is earlier than it.
     */
    public StoryMatch earliest(StoryProbe probe, Iterable<StoryProbe> candidates, StoryMatch earliest) {
        StoryMatch best = earliest;
        long from = probe.time() - settings.horizon().toMillis();
        for (StoryProbe other : candidates) {
            if (other.time() >= from && other.before(probe.time(), probe.articleId())
                    && close(probe.signature(), other.signature())) {
                best = new StoryMatch(other.articleId(), other.time(),
                        probe.signature().similarity(other.signature())).earlierOf(best);
            }
        }
        return best;
    }

    /** Sets {@code article}'s story fields: its own story without a match, else the match's with its novelty. */
    public void apply(EnrichedArticle article, StoryMatch match) {
        if (match == null) {
            article.setStoryId(article.getId());
            article.setSimilarity(1.0);
            article.setNovelty(1.0);
        } else {
            article.setStoryId(match.articleId());
            article.setSimilarity(match.similarity());
            article.setNovelty(Novelty.of(match.similarity(),
                    article.getPublishedAt().toEpochMilli() - match.time(), settings.horizon()));
        }
    }
}
