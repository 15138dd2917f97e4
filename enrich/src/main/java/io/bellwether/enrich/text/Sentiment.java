package io.bellwether.enrich.text;

import java.util.List;

/**
 * Sentiment of one sentence: class 0 (very negative) to 4 (very positive), the model's distribution over the five
 * classes (empty when the sentence was not parsed and the lexicon fallback gave the class) and whether the
 * sentiment model produced it.
 */
public record Sentiment(int sentimentClass, List<Double> distribution, boolean fromModel) {

    public Sentiment {
        distribution = List.copyOf(distribution);
    }

    /** Expected class mapped to [-1, 1]; from the class alone when there is no distribution. */
    public double score() {
        if (distribution.isEmpty()) {
            return (sentimentClass - 2) / 2.0;
        }
        double expected = 0.0;
        for (int i = 0; i < distribution.size(); i++) {
            expected += i * distribution.get(i);
        }
        return Math.max(-1.0, Math.min(1.0, (expected - 2.0) / 2.0));
    }
}
