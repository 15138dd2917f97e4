package io.bellwether.enrich.analysis;

import io.bellwether.enrich.stance.StanceScorer;
import java.util.Map;

/**
 * The inputs of a learned stance layer for one article and narrative: the threshold rule's stance (label and the
 * evidence features it computed), the article's word features, its length in words, and whether the narrative's
 * own cue phrases make it about the narrative (when not, it was read because it is about another narrative of the
 * file, and only a layer can say it is about this one).
 */
public record StanceReading(StanceScorer.Stance rule, Map<String, Double> words, long wordCount, boolean ownCues) {
    public StanceReading {
        words = Map.copyOf(words);
    }

    /** A reading of an article that is about the narrative by its own cues. */
    public StanceReading(StanceScorer.Stance rule, Map<String, Double> words, long wordCount) {
        this(rule, words, wordCount, true);
    }
}
