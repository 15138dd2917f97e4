package io.bellwether.aggregate.tally;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What weighs an article's stance in {@code weightedStance} ({@code aggregate.stance-weight}): its confidence
 * times its novelty (the default: a syndicated copy published at once adds nothing, the first of a story counts
 * fully), or its confidence alone (every copy counts as much as the original, as before stories).
 */
public enum StanceWeight {
    NOVELTY, CONFIDENCE;

    /** The value names of the configuration key. */
    public static List<String> names() {
        return Arrays.stream(values()).map(value -> value.name().toLowerCase(Locale.ROOT)).toList();
    }

    public static StanceWeight of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The factor beside confidence for an article of {@code novelty}. */
    double factor(double novelty) {
        if (this == CONFIDENCE) {
            return 1.0;
        }
        return Double.isNaN(novelty) ? 1.0 : Math.max(0.0, Math.min(1.0, novelty));
    }
}
