package io.bellwether.enrich.narrative;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A learned linear layer from article features to a stance label: one weight per feature and label ("bias" is the
 * constant), read from the narrative file's optional {@code stanceModel} block; {@link #probabilities} is the
 * softmax of the weighted sums. Missing features count as 0. Features named {@code w:...} are the article's words
 * ({@code LexicalFeatures}); a model with none of them is read from the evidence features alone. {@code minWords}
 * is the shortest article the layer speaks for: below the lengths it was fitted on, most of its word features are
 * absent and the threshold rule labels the article instead.
 */
public record StanceModel(Map<String, Map<String, Double>> weights, int minWords) {
    public static final List<String> LABELS = List.of("open", "closed", "neutral");
    public static final String WORD_PREFIX = "w:";
    /**
     * The optional fourth label: the article holds the narrative's cue phrases but is not about it after all (the
     * Open in golf, open-source office software); it then gets no signal.
     */
    public static final String NONE = "none";

    /** A layer for articles of any length. */
    public StanceModel(Map<String, Map<String, Double>> weights) {
        this(weights, 0);
    }

    public StanceModel {
        if (minWords < 0) {
            throw new IllegalArgumentException("stanceModel minWords must not be negative: " + minWords);
        }
        if (!weights.keySet().containsAll(LABELS)) {
            throw new IllegalArgumentException("stanceModel needs weights for open, closed and neutral: " + weights);
        }
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        for (String label : LABELS) {
            copy.put(label, Map.copyOf(weights.get(label)));
        }
        if (weights.containsKey(NONE)) {
            copy.put(NONE, Map.copyOf(weights.get(NONE)));
        }
        weights = Map.copyOf(copy);
    }

    /** True when some weight is on a word feature, so the article's words must be passed in. */
    public boolean readsWords() {
        return weights.values().stream()
                .anyMatch(row -> row.keySet().stream().anyMatch(name -> name.startsWith(WORD_PREFIX)));
    }

    /** The labels this layer chooses among: {@link #LABELS}, then {@link #NONE} when it has weights for it. */
    public List<String> labels() {
        return weights.containsKey(NONE) ? List.of(LABELS.get(0), LABELS.get(1), LABELS.get(2), NONE) : LABELS;
    }

    /** Probability of each label, in {@link #labels()} order, for named feature values. */
    public Map<String, Double> probabilities(Map<String, Double> features) {
        List<String> labels = labels();
        double[] scores = new double[labels.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int at = 0; at < scores.length; at++) {
            Map<String, Double> row = weights.get(labels.get(at));
            double score = row.getOrDefault("bias", 0.0);
            for (Map.Entry<String, Double> feature : features.entrySet()) {
                score += row.getOrDefault(feature.getKey(), 0.0) * feature.getValue();
            }
            scores[at] = score;
            max = Math.max(max, score);
        }
        double total = 0.0;
        for (int at = 0; at < scores.length; at++) {
            scores[at] = Math.exp(scores[at] - max);
            total += scores[at];
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int at = 0; at < scores.length; at++) {
            out.put(labels.get(at), scores[at] / total);
        }
        return out;
    }
}
