package io.bellwether.enrich.fit;

import io.bellwether.enrich.analysis.StanceReading;
import io.bellwether.enrich.narrative.StanceModel;
import io.bellwether.enrich.stance.StanceFeatures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits a learned stance layer ({@link StanceModel}) on examples: multinomial logistic regression over the rule's
 * evidence features and the article's words, for the examples that are about the narrative (the others never reach
 * a layer). A word is a feature when at least {@code minDf} training articles hold it; word weights below
 * {@code prune} are dropped, so the layer as shipped is the one measured. Deterministic.
 */
public final class StanceLayerFit {
    private static final int STEPS = 3000;
    private static final double RATE = 1.0;

    /**
     * @param minWords articles shorter than this keep the threshold rule (written into the layer)
     * @param inputs which features the layer reads: the rule's evidence, the article's words, or both
     * @param balanced weigh each training article by n / (labels * n of its label), so every label weighs as much
     *                 as the others in the loss (real sets have few pro_closed pages; this lifts macro-F1)
     */
    public record Options(double l2, int minDf, double prune, int minWords, Inputs inputs, boolean balanced) {
        public Options(double l2, int minDf, double prune, int minWords) {
            this(l2, minDf, prune, minWords, Inputs.BOTH, false);
        }

        /** The same options with another L2 strength. */
        public Options withL2(double strength) {
            return new Options(strength, minDf, prune, minWords, inputs, balanced);
        }
    }

    /** The feature families a layer reads; the single ones measure what each family is worth. */
    public enum Inputs {
        BOTH, EVIDENCE, WORDS;

        boolean evidence() {
            return this != WORDS;
        }

        boolean words() {
            return this != EVIDENCE;
        }
    }

    private final Options options;

    public StanceLayerFit(Options options) {
        this.options = options;
    }

    public StanceModel fit(List<StanceExample> examples) {
        List<StanceReading> readings = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (StanceExample example : examples) {
            example.reading().ifPresent(reading -> {
                readings.add(reading);
                targets.add(Labels.stance(example.gold()));
            });
        }
        List<String> labels = new ArrayList<>(StanceModel.LABELS);
        if (targets.contains(StanceModel.NONE)) {
            labels.add(StanceModel.NONE);
        }
        List<String> names = featureNames(readings);
        Map<String, Integer> index = new HashMap<>();
        for (int at = 0; at < names.size(); at++) {
            index.put(names.get(at), at);
        }
        Map<String, Integer> perLabel = new TreeMap<>();
        targets.forEach(target -> perLabel.merge(target, 1, Integer::sum));
        List<SoftmaxFit.Row> rows = new ArrayList<>();
        for (int at = 0; at < readings.size(); at++) {
            double weight = options.balanced()
                    ? (double) targets.size() / (perLabel.size() * perLabel.get(targets.get(at))) : 1.0;
            rows.add(row(readings.get(at), index, labels.indexOf(targets.get(at)), weight));
        }
        double[][] w = new SoftmaxFit(labels.size(), names.size(), options.l2(), STEPS, RATE).fit(rows);
        return model(labels, names, w);
    }

    /** The gold label the layer (or the rule, for short articles) gives an example; irrelevant when not about. */
    public static String predict(StanceModel model, StanceExample example) {
        if (example.reading().isEmpty()) {
            return "irrelevant";
        }
        StanceReading reading = example.reading().get();
        if (reading.wordCount() < model.minWords()) {
            return reading.ownCues() ? Labels.gold(reading.rule().label()) : "irrelevant";
        }
        Map<String, Double> inputs = new HashMap<>(reading.words());
        inputs.putAll(reading.rule().features());
        Map<String, Double> p = model.probabilities(inputs);
        return Labels.gold(p.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
    }

    private List<String> featureNames(List<StanceReading> readings) {
        List<String> names = new ArrayList<>(List.of("bias"));
        if (options.inputs().evidence()) {
            names.addAll(StanceFeatures.NAMES);
        }
        Map<String, Integer> df = new TreeMap<>();
        if (options.inputs().words()) {
            readings.forEach(reading -> reading.words().keySet().forEach(word -> df.merge(word, 1, Integer::sum)));
        }
        df.forEach((word, count) -> {
            if (count >= options.minDf()) {
                names.add(word);
            }
        });
        return names;
    }

    private static SoftmaxFit.Row row(StanceReading reading, Map<String, Integer> index, int target, double weight) {
        Map<Integer, Double> values = new TreeMap<>();
        values.put(0, 1.0);
        reading.rule().features().forEach((name, value) -> {
            Integer at = index.get(name);
            if (at != null) {
                values.put(at, value);
            }
        });
        reading.words().forEach((word, value) -> {
            Integer at = index.get(word);
            if (at != null) {
                values.put(at, value);
            }
        });
        return new SoftmaxFit.Row(values.keySet().stream().mapToInt(Integer::intValue).toArray(),
                values.values().stream().mapToDouble(Double::doubleValue).toArray(), target, weight);
    }

    private StanceModel model(List<String> labels, List<String> names, double[][] w) {
        Map<String, Map<String, Double>> weights = new LinkedHashMap<>();
        for (int k = 0; k < labels.size(); k++) {
            Map<String, Double> row = new LinkedHashMap<>();
            for (int j = 0; j < names.size(); j++) {
                if (!names.get(j).startsWith(StanceModel.WORD_PREFIX) || Math.abs(w[k][j]) >= options.prune()) {
                    row.put(names.get(j), w[k][j]);
                }
            }
            weights.put(labels.get(k), row);
        }
        return new StanceModel(weights, options.minWords());
    }
}
