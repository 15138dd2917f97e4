package io.bellwether.enrich.analysis;

import io.bellwether.enrich.narrative.Narrative;
import io.bellwether.enrich.narrative.StanceModel;
import io.bellwether.enrich.offline.ConfusionMatrix;
import io.bellwether.enrich.offline.Evaluation;
import io.bellwether.enrich.stance.LexicalFeatures;
import io.bellwether.enrich.stance.StanceFeatures;
import io.bellwether.enrich.stance.StanceScorer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Tuning tool: {@code WordStanceTrainMain PHRASES.json NARRATIVES.yaml|- CACHE.jsonl...} fits the open-vs-closed-ai
 * learned layer on the evidence features ({@link StanceFeatures}) plus the article's words ({@link LexicalFeatures})
 * of cached gold articles. Prints k-fold cross-validation (folds by item position mod k; the vocabulary is built on
 * the training folds only) for each L2 strength, then the layer fitted on all items as narrative-file YAML.
 * Also the layer fitted on the first {@code -DfitFiles=} files (default 1) alone, measured on the others (does it carry over to new writing?).
 * {@code -Dnone=false} leaves out the fourth label ({@code none}: cue phrases in another sense).
 * {@code -Dl2=} (default 0.003) picks the printed layer, {@code -DminDf=} (default 3) the articles a word needs to
 * be a feature, {@code -Dfolds=} (default 5), {@code -DminWords=} (default 0) the
 * article length below which the rule labels instead, {@code -Dprune=} (default 0.02) the smallest word weight kept
 * (in the CV too, so it measures the layer as shipped).
 */
public final class WordStanceTrainMain {
    private static final double[] L2 = {0.001, 0.003, 0.01, 0.03};
    private static final int STEPS = 3000;
    private static final double RATE = 1.0;
    /** By default the layer also learns "none" from gold-irrelevant articles that hold cue phrases. */
    private static final boolean NONE = Boolean.parseBoolean(System.getProperty("none", "true"));
    private static final List<String> LABELS = NONE ? List.of("open", "closed", "neutral", StanceModel.NONE)
            : StanceModel.LABELS;
    private static final int FIT_FILES = Integer.getInteger("fitFiles", 1);
    private static final int MIN_WORDS = Integer.getInteger("minWords", 0);
    private static final double PRUNE = Double.parseDouble(System.getProperty("prune", "0.02"));

    private WordStanceTrainMain() {
    }

    /** One gold item: label, the rule's prediction, evidence features and words (both null when not about it). */
    record Item(String id, String gold, String rule, Map<String, Double> evidence, Set<String> words, int file,
                long length) {
    }

    public static void main(String[] args) throws IOException {
        List<Item> items = items(args);
        int folds = Integer.getInteger("folds", 5);
        int minDf = Integer.getInteger("minDf", 3);
        ConfusionMatrix rule = new ConfusionMatrix(Evaluation.LABELS);
        items.forEach(item -> rule.add(item.gold(), item.rule()));
        report("threshold rule", rule);
        System.out.println("shortest articles (words): " + items.stream().mapToLong(Item::length).sorted().limit(8)
                .boxed().toList());
        for (double l2 : L2) {
            ConfusionMatrix held = new ConfusionMatrix(Evaluation.LABELS);
            for (int fold = 0; fold < folds; fold++) {
                List<Item> train = new ArrayList<>();
                List<Item> test = new ArrayList<>();
                for (int at = 0; at < items.size(); at++) {
                    (at % folds == fold ? test : train).add(items.get(at));
                }
                WordLayer layer = WordLayer.fit(train, minDf, l2, STEPS, RATE);
                test.forEach(item -> held.add(item.gold(), layer.predict(item)));
            }
            report(String.format(Locale.ROOT, "evidence + words, %d-fold CV, l2=%.3f", folds, l2), held);
            WordLayer first = WordLayer.fit(items.stream().filter(item -> item.file() < FIT_FILES).toList(), minDf,
                    l2, STEPS, RATE);
            ConfusionMatrix later = new ConfusionMatrix(Evaluation.LABELS);
            items.stream().filter(item -> item.file() >= FIT_FILES)
                    .forEach(item -> later.add(item.gold(), first.predict(item)));
            report(String.format(Locale.ROOT, "fitted on the first %d file(s), measured on the others, l2=%.3f",
                    FIT_FILES, l2), later);
        }
        ConfusionMatrix ruleLater = new ConfusionMatrix(Evaluation.LABELS);
        items.stream().filter(item -> item.file() >= FIT_FILES).forEach(item -> ruleLater.add(item.gold(), item.rule()));
        report("threshold rule on the others", ruleLater);
        WordLayer layer = WordLayer.fit(items, minDf, Double.parseDouble(System.getProperty("l2", "0.003")),
                STEPS, RATE);
        ConfusionMatrix fitted = new ConfusionMatrix(Evaluation.LABELS);
        items.forEach(item -> fitted.add(item.gold(), layer.predict(item)));
        report("fitted on all items (training accuracy)", fitted);
        System.out.println(layer.yaml());
    }

    private static List<Item> items(String[] args) throws IOException {
        StanceReplay replay = StanceReplay.of(args[0], args[1]);
        Narrative narrative = replay.file().narrative(Evaluation.NARRATIVE).orElseThrow();
        Narrative plain = new Narrative(narrative.id(), narrative.description(), narrative.openMeaning(),
                narrative.closedMeaning(), narrative.cues(), narrative.camps());
        ArticleEnricher enricher = replay.enricher(AnalyzerSettings.defaults());
        LexicalFeatures lexical = new LexicalFeatures();
        List<Item> items = new ArrayList<>();
        for (int at = 2; at < args.length; at++) {
            for (StanceCache cache : StanceCache.read(Path.of(args[at]))) {
                Optional<StanceScorer.Stance> stance = enricher.stance(plain, cache.text(),
                        sentence -> cache.sentiments().get(sentence.index()));
                items.add(new Item(cache.article().getId(), cache.label(),
                        stance.map(s -> gold(s.label())).orElse("irrelevant"),
                        stance.map(StanceScorer.Stance::features).orElse(null),
                        stance.map(s -> lexical.of(cache.text().sentences()).keySet()).orElse(null), at - 2,
                        cache.text().sentences().stream().flatMap(sentence -> sentence.tokens().stream())
                                .filter(LanguageGuess::isWord).count()));
            }
        }
        return items;
    }

    static String gold(String label) {
        return switch (label) {
            case "open" -> "pro_open";
            case "closed" -> "pro_closed";
            case StanceModel.NONE -> "irrelevant";
            default -> "neutral";
        };
    }

    private static void report(String title, ConfusionMatrix matrix) {
        System.out.printf(Locale.ROOT, "%s: items=%d accuracy=%.3f macroF1=%.3f%n%s", title, matrix.total(),
                matrix.accuracy(), matrix.macroF1(), matrix.render());
    }

    /** A fitted layer: the feature names (index 0 is the bias) and their weights per label. */
    record WordLayer(List<String> names, double[][] w) {
        static WordLayer fit(List<Item> items, int minDf, double l2, int steps, double rate) {
            List<Item> about = items.stream()
                    .filter(item -> item.evidence() != null && (NONE || !item.gold().equals("irrelevant"))).toList();
            List<String> names = new ArrayList<>(List.of("bias"));
            names.addAll(StanceFeatures.NAMES);
            Map<String, Integer> df = new TreeMap<>();
            about.forEach(item -> item.words().forEach(word -> df.merge(word, 1, Integer::sum)));
            df.forEach((word, count) -> {
                if (count >= minDf) {
                    names.add(word);
                }
            });
            Map<String, Integer> index = new HashMap<>();
            for (int at = 0; at < names.size(); at++) {
                index.put(names.get(at), at);
            }
            List<SoftmaxFit.Row> rows = about.stream()
                    .map(item -> row(item, index, target(item.gold()))).toList();
            double[][] w = new SoftmaxFit(LABELS.size(), names.size(), l2, steps, rate).fit(rows);
            return new WordLayer(names, w).pruned(PRUNE);
        }

        /** The layer as shipped: word weights below {@code prune} in size dropped. */
        WordLayer pruned(double prune) {
            double[][] kept = new double[w.length][];
            for (int k = 0; k < w.length; k++) {
                kept[k] = w[k].clone();
                for (int j = StanceFeatures.NAMES.size() + 1; j < names.size(); j++) {
                    kept[k][j] = Math.abs(kept[k][j]) < prune ? 0.0 : kept[k][j];
                }
            }
            return new WordLayer(names, kept);
        }

        String predict(Item item) {
            if (item.evidence() == null) {
                return "irrelevant";
            }
            if (item.length() < MIN_WORDS) {
                return item.rule();
            }
            Map<String, Integer> index = new HashMap<>();
            for (int at = 0; at < names.size(); at++) {
                index.put(names.get(at), at);
            }
            SoftmaxFit.Row row = row(item, index, -1);
            return gold(LABELS.get(SoftmaxFit.best(SoftmaxFit.probabilities(w, row.x(), row.v()))));
        }

        private static SoftmaxFit.Row row(Item item, Map<String, Integer> index, int target) {
            Map<Integer, Double> values = new TreeMap<>();
            values.put(0, 1.0);
            item.evidence().forEach((name, value) -> values.put(index.get(name), value));
            item.words().forEach(word -> {
                Integer at = index.get(word);
                if (at != null) {
                    values.put(at, 1.0);
                }
            });
            return new SoftmaxFit.Row(values.keySet().stream().mapToInt(Integer::intValue).toArray(),
                    values.values().stream().mapToDouble(Double::doubleValue).toArray(), target);
        }

        String yaml() {
            StringBuilder out = new StringBuilder("    stanceModel:   # written by WordStanceTrainMain\n");
            out.append("      minWords: ").append(MIN_WORDS).append('\n');
            for (int k = 0; k < LABELS.size(); k++) {
                Map<String, Double> kept = new LinkedHashMap<>();
                for (int j = 0; j < names.size(); j++) {
                    if (j <= StanceFeatures.NAMES.size() || w[k][j] != 0.0) {
                        kept.put(names.get(j), w[k][j]);
                    }
                }
                out.append("      ").append(LABELS.get(k)).append(": {");
                int at = 0;
                for (Map.Entry<String, Double> entry : kept.entrySet()) {
                    out.append(at++ == 0 ? "" : at % 6 == 1 ? ",\n        " : ", ")
                            .append('"').append(entry.getKey().replace("\\", "\\\\").replace("\"", "\\\""))
                            .append("\": ").append(String.format(Locale.ROOT, "%.4f", entry.getValue()));
                }
                out.append("}\n");
            }
            return out.toString();
        }
    }

    private static int target(String gold) {
        return switch (gold) {
            case "pro_open" -> 0;
            case "pro_closed" -> 1;
            case "irrelevant" -> 3;
            default -> 2;
        };
    }
}
