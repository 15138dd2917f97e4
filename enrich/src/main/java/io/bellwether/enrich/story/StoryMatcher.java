package io.bellwether.enrich.story;

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
}
