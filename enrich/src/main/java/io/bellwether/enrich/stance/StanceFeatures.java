package io.bellwether.enrich.stance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Article-level features of one narrative's scored evidence, the inputs of a learned
 * {@code narrative.StanceModel}. Pushes are split by channel (the cue's own prior, the clause's
 * lexicon words, the sentence sentiment) and by place (title, last quarter), each weighted sum squashed with
 * tanh(x / 2); {@code balance} is which side is named more (by weight), {@code mass} how much evidence there is,
 * {@code report} whether the article is a news report.
 */
public final class StanceFeatures {
    public static final List<String> NAMES = List.of("stance", "prior", "lexical", "sentence", "title",
            "conclusion", "balance", "mass", "report", "reportStance");
    private static final double CONCLUSION_START = 0.75;

    private StanceFeatures() {
    }

    /** @param sentences sentences in the article, to place its last quarter */
    public static Map<String, Double> of(List<StanceScorer.Scored> scored, double stance, boolean report,
                                         int sentences) {
        double[] channel = new double[3];
        double title = 0.0;
        double conclusion = 0.0;
        double open = 0.0;
        double weights = 0.0;
        for (StanceScorer.Scored item : scored) {
            StanceScorer.Observation seen = item.observation();
            double w = seen.weight();
            double[] parts = StanceScorer.channels(seen);
            for (int at = 0; at < channel.length; at++) {
                channel[at] += w * seen.side().sign() * parts[at];
            }
            title += seen.sentence() == 0 ? w * item.push() : 0.0;
            conclusion += seen.sentence() > 0 && seen.sentence() >= sentences * CONCLUSION_START ? w * item.push() : 0.0;
            open += seen.side().sign() > 0 ? w : 0.0;
            weights += w;
        }
        Map<String, Double> features = new LinkedHashMap<>();
        features.put("stance", stance);
        features.put("prior", squash(channel[0]));
        features.put("lexical", squash(channel[1]));
        features.put("sentence", squash(channel[2]));
        features.put("title", squash(title));
        features.put("conclusion", squash(conclusion));
        features.put("balance", weights == 0.0 ? 0.0 : (2.0 * open - weights) / weights);
        features.put("mass", 1.0 - Math.exp(-weights / 2.0));
        features.put("report", report ? 1.0 : 0.0);
        features.put("reportStance", report ? stance : 0.0);
        return features;
    }

    private static double squash(double value) {
        return Math.tanh(value / 2.0);
    }
}
