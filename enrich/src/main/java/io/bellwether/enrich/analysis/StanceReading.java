package io.bellwether.enrich.analysis;

import io.bellwether.enrich.stance.StanceScorer;
import java.util.Map;

/**
 * The inputs of a learned stance layer for one article and narrative: the threshold rule's stance (label and the
 * evidence features it computed), the article's word features and its length in words.
 */
public record StanceReading(StanceScorer.Stance rule, Map<String, Double> words, long wordCount) {
    public StanceReading {
        words = Map.copyOf(words);
    }
}
