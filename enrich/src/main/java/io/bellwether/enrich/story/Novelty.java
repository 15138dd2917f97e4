package io.bellwether.enrich.story;

import java.time.Duration;

/**
 * The novelty of an article in [0, 1]: 1 for the first article of a story, and for a repeat
 * {@code 1 - similarity * (1 - age / horizon)}, where age is the event time since the story's first article. So
 * an exact copy published at once counts 0, a light rewrite a little more, and a repeat regains novelty linearly
 * until, at the horizon, the first article has left the story state and the repeat starts a story of its own
 * with novelty 1: the decay meets that step without a jump.
 */
public final class Novelty {
    private Novelty() {
    }

    public static double of(double similarity, long ageMs, Duration horizon) {
        double fresh = Math.min(1.0, Math.max(0.0, ageMs / (double) horizon.toMillis()));
        double novelty = 1.0 - Math.min(1.0, Math.max(0.0, similarity)) * (1.0 - fresh);
        return Math.min(1.0, Math.max(0.0, novelty));
    }
}
