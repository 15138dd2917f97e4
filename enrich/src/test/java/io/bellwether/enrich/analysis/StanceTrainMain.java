package io.bellwether.enrich.analysis;

import io.bellwether.enrich.narrative.Narrative;
import io.bellwether.enrich.narrative.StanceModel;
import io.bellwether.enrich.offline.ConfusionMatrix;
import io.bellwether.enrich.offline.Evaluation;
import io.bellwether.enrich.stance.StanceFeatures;
import io.bellwether.enrich.stance.StanceScorer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tuning tool: {@code StanceTrainMain PHRASES.json NARRATIVES.yaml|- CACHE.jsonl...} fits the open-vs-closed-ai
 * stance layer (multinomial logistic regression, L2, full-batch gradient descent from zero: deterministic) on the
 * {@link StanceFeatures} of cached gold articles. Prints 3-fold cross-validation (folds by item position mod 3)
 * of the threshold rule and of the layer for each L2 strength, the layer fitted on the first file and measured on
 * the others, then the layer fitted on all items as YAML.
 * {@code -Dl2=} picks the strength of the printed layer (default 0.01).
 */
public final class StanceTrainMain {
    private static final double[] L2 = {0.001, 0.003, 0.01, 0.03, 0.1};
    private static final int ITERATIONS = 4000;
    private static final double RATE = 0.5;

    private StanceTrainMain() {
    }

    /** One gold item: its label, the threshold rule's prediction and its features (null when not relevant). */
    record Row(String gold, String rule, double[] x, int fold, int file) {
    }

    public static void main(String[] args) throws IOException {
        List<String> names = List.of(System.getProperty("features", String.join(",", StanceFeatures.NAMES))
                .split(","));
        List<Row> rows = rows(args, names);
        ConfusionMatrix rule = new ConfusionMatrix(Evaluation.LABELS);
        rows.forEach(row -> rule.add(row.gold(), row.rule()));
        report("threshold rule (no fitting)", rule);
        ConfusionMatrix ruleLater = new ConfusionMatrix(Evaluation.LABELS);
        rows.stream().filter(row -> row.file() > 0).forEach(row -> ruleLater.add(row.gold(), row.rule()));
        report("threshold rule on the later files", ruleLater);
        for (double l2 : L2) {
            crossValidate(rows, names.size(), l2);
            transfer(rows, names.size(), l2);
        }
        double[][] w = fit(rows, names.size(), Double.parseDouble(System.getProperty("l2", "0.01")));
        ConfusionMatrix fitted = new ConfusionMatrix(Evaluation.LABELS);
        rows.forEach(row -> fitted.add(row.gold(), predict(w, row)));
        report("layer fitted on all items (training accuracy)", fitted);
        System.out.println(yaml(w, names));
    }

    private static List<Row> rows(String[] args, List<String> names) throws IOException {
        StanceReplay replay = StanceReplay.of(args[0], args[1]);
        Narrative narrative = replay.file().narrative(Evaluation.NARRATIVE).orElseThrow();
        // Features do not depend on a layer; without one the stance label is the threshold rule's.
        Narrative plain = new Narrative(narrative.id(), narrative.description(), narrative.openMeaning(),
                narrative.closedMeaning(), narrative.cues(), narrative.camps());
        ArticleEnricher enricher = replay.enricher(AnalyzerSettings.defaults());
        List<Row> rows = new ArrayList<>();
        for (int at = 2; at < args.length; at++) {
            for (StanceCache item : StanceCache.read(Path.of(args[at]))) {
                Optional<StanceScorer.Stance> stance = enricher.stance(plain, item.text(),
                        sentence -> item.sentiments().get(sentence.index()));
                rows.add(new Row(item.label(), stance.map(s -> gold(s.label())).orElse("irrelevant"),
                        stance.map(s -> vector(s.features(), names)).orElse(null), rows.size() % 3, at - 2));
            }
        }
        return rows;
    }

    private static void crossValidate(List<Row> rows, int features, double l2) {
        ConfusionMatrix held = new ConfusionMatrix(Evaluation.LABELS);
        for (int fold = 0; fold < 3; fold++) {
            int test = fold;
            double[][] w = fit(rows.stream().filter(row -> row.fold() != test).toList(), features, l2);
            rows.stream().filter(row -> row.fold() == test).forEach(row -> held.add(row.gold(), predict(w, row)));
        }
        report(String.format(Locale.ROOT, "layer, 3-fold CV, l2=%.3f", l2), held);
    }

    private static void transfer(List<Row> rows, int features, double l2) {
        double[][] w = fit(rows.stream().filter(row -> row.file() == 0).toList(), features, l2);
        ConfusionMatrix later = new ConfusionMatrix(Evaluation.LABELS);
        rows.stream().filter(row -> row.file() > 0).forEach(row -> later.add(row.gold(), predict(w, row)));
        report(String.format(Locale.ROOT, "layer fitted on the first file, measured on the later ones, l2=%.3f", l2),
                later);
    }

    private static void report(String title, ConfusionMatrix matrix) {
        System.out.printf(Locale.ROOT, "%s: items=%d accuracy=%.3f macroF1=%.3f%n%s", title, matrix.total(),
                matrix.accuracy(), matrix.macroF1(), matrix.render());
    }

    private static String gold(String label) {
        return switch (label) {
            case "open" -> "pro_open";
            case "closed" -> "pro_closed";
            default -> "neutral";
        };
    }

    private static double[] vector(Map<String, Double> features, List<String> names) {
        double[] x = new double[names.size() + 1];
        x[0] = 1.0;
        for (int at = 0; at < names.size(); at++) {
            x[at + 1] = features.get(names.get(at));
        }
        return x;
    }

    private static int target(String gold) {
        return switch (gold) {
            case "pro_open" -> 0;
            case "pro_closed" -> 1;
            default -> 2;
        };
    }

    static double[][] fit(List<Row> rows, int features, double l2) {
        List<Row> train = rows.stream().filter(row -> row.x() != null && !row.gold().equals("irrelevant")).toList();
        double[][] w = new double[3][features + 1];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[][] gradient = new double[3][features + 1];
            for (Row row : train) {
                double[] p = probabilities(w, row.x());
                for (int k = 0; k < 3; k++) {
                    double error = p[k] - (target(row.gold()) == k ? 1.0 : 0.0);
                    for (int j = 0; j <= features; j++) {
                        gradient[k][j] += error * row.x()[j] / train.size();
                    }
                }
            }
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j <= features; j++) {
                    w[k][j] -= RATE * (gradient[k][j] + (j == 0 ? 0.0 : l2 * w[k][j]));
                }
            }
        }
        return w;
    }

    private static double[] probabilities(double[][] w, double[] x) {
        double[] scores = new double[3];
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < x.length; j++) {
                scores[k] += w[k][j] * x[j];
            }
        }
        double max = Arrays.stream(scores).max().orElse(0.0);
        double total = 0.0;
        for (int k = 0; k < 3; k++) {
            scores[k] = Math.exp(scores[k] - max);
            total += scores[k];
        }
        for (int k = 0; k < 3; k++) {
            scores[k] /= total;
        }
        return scores;
    }

    private static String predict(double[][] w, Row row) {
        if (row.x() == null) {
            return "irrelevant";
        }
        double[] p = probabilities(w, row.x());
        int best = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
        return gold(StanceModel.LABELS.get(best));
    }

    private static String yaml(double[][] w, List<String> names) {
        StringBuilder out = new StringBuilder("    stanceModel:\n");
        for (int k = 0; k < 3; k++) {
            out.append("      ").append(StanceModel.LABELS.get(k)).append(": {bias: ")
                    .append(String.format(Locale.ROOT, "%.4f", w[k][0]));
            for (int j = 0; j < names.size(); j++) {
                out.append(", ").append(names.get(j)).append(": ")
                        .append(String.format(Locale.ROOT, "%.4f", w[k][j + 1]));
            }
            out.append("}\n");
        }
        return out.toString();
    }
}
