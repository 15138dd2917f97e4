package io.bellwether.enrich.analysis;

import io.bellwether.enrich.narrative.CueIndex;
import io.bellwether.enrich.narrative.Gazetteer;
import io.bellwether.enrich.narrative.NarrativeFile;
import io.bellwether.enrich.offline.ConfusionMatrix;
import io.bellwether.enrich.offline.Evaluation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tuning tool: {@code StanceReplayMain PHRASES.json NARRATIVES.yaml|- CACHE.jsonl...} replays the pure stance
 * steps over cached CoreNLP output: accuracy per file, then 3-fold cross-validation of the label thresholds
 * (folds by item position mod 3; thresholds chosen on two folds, measured on the third). {@code -Dlabel=} and
 * {@code -Dreport=} set the thresholds of the per-file figures (default: the shipped ones); {@code -Dexplain=ID}
 * prints the weighted evidence of one item.
 */
public final class StanceReplayMain {
    private static final double[] LABEL = {0.01, 0.03, 0.05, 0.07, 0.1, 0.15, 0.2, 0.25, 0.3};
    private static final double[] REPORT = {0.1, 0.2, 0.3, 0.4, 0.5};

    private StanceReplayMain() {
    }

    record Item(StanceCache cache, int fold) {
    }

    public static void main(String[] args) throws IOException {
        StanceReplay replay = StanceReplay.of(args[0], args[1]);
        NarrativeFile file = replay.file();
        CueIndex cues = replay.cues();
        Gazetteer gazetteer = replay.gazetteer();
        List<Item> all = new ArrayList<>();
        AnalyzerSettings defaults = AnalyzerSettings.defaults();
        AnalyzerSettings first = with(Double.parseDouble(System.getProperty("label", "" + defaults.labelThreshold())),
                Double.parseDouble(System.getProperty("report", "" + defaults.reportThreshold())));
        boolean verbose = Boolean.getBoolean("verbose");
        for (int at = 2; at < args.length; at++) {
            List<StanceCache> items = StanceCache.read(Path.of(args[at]));
            ConfusionMatrix matrix = new ConfusionMatrix(Evaluation.LABELS);
            int[] parsed = new int[2];
            for (StanceCache item : items) {
                all.add(new Item(item, all.size() % 3));
                String predicted = predict(file, cues, gazetteer, first, item, verbose);
                if (item.article().getId().equals(System.getProperty("explain"))) {
                    explain(replay.enricher(first), file, item);
                }
                matrix.add(item.label(), predicted);
                ArticleEnricher.Outcome outcome = replay.enricher(first).enrich(item.article(),
                        item.text(), sentence -> item.sentiments().get(sentence.index()), 0L, "replay");
                parsed[0] += outcome.stats().parsed();
                parsed[1] += outcome.stats().sentences();
            }
            System.out.printf(Locale.ROOT, "%s: items=%d accuracy=%.3f macroF1=%.3f parsed %d of %d"
                    + " sentences%n%s", args[at], matrix.total(), matrix.accuracy(), matrix.macroF1(), parsed[0],
                    parsed[1], matrix.render());
        }
        if (System.getProperty("explain") == null) {
            crossValidate(file, cues, gazetteer, all);
        }
    }

    static String predict(NarrativeFile file, CueIndex cues, Gazetteer gazetteer, AnalyzerSettings settings,
                          StanceCache item, boolean verbose) {
        ArticleEnricher enricher = new ArticleEnricher(file, cues, gazetteer, settings, () -> 0L);
        ArticleEnricher.Outcome outcome = enricher.enrich(item.article(), item.text(),
                sentence -> item.sentiments().get(sentence.index()), 0L, "replay");
        String predicted = Evaluation.predict(new AnalysisResult.Enriched(outcome.article(), outcome.stats(), 0L));
        if (verbose && !predicted.equals(item.label())) {
            System.out.printf(Locale.ROOT, "miss %s gold=%s predicted=%s %s%n", item.article().getId(), item.label(),
                    predicted, outcome.article().getNarratives().stream()
                            .filter(signal -> signal.getId().equals(Evaluation.NARRATIVE))
                            .map(signal -> String.format(Locale.ROOT, "stance=%.2f conf=%.2f n=%d",
                                    signal.getStance(), signal.getConfidence(), signal.getEvidence().size()))
                            .findFirst().orElse(""));
        }
        return predicted;
    }

    private static void explain(ArticleEnricher enricher, NarrativeFile file, StanceCache item) {
        enricher.stance(file.narratives().get(0), item.text(), sentence -> item.sentiments().get(sentence.index()))
                .ifPresent(stance -> {
                    System.out.printf(Locale.ROOT, "explain %s stance=%.2f label=%s%n", item.article().getId(),
                            stance.stance(), stance.label());
                    stance.evidence().forEach(scored -> System.out.printf(Locale.ROOT,
                            "  s%d %-24s %-6s w=%.2f valence=%.2f push=%.2f lex=%.2f/%d sent=%.2f%n",
                            scored.observation().sentence(), scored.observation().cue(),
                            scored.observation().side().label(), scored.observation().weight(), scored.valence(),
                            scored.push(), scored.observation().lexical().valence(),
                            scored.observation().lexical().hits(), scored.observation().sentenceSentiment()));
                });
    }

    private static void crossValidate(NarrativeFile file, CueIndex cues, Gazetteer gazetteer, List<Item> all) {
        ConfusionMatrix held = new ConfusionMatrix(Evaluation.LABELS);
        for (int fold = 0; fold < 3; fold++) {
            AnalyzerSettings best = null;
            double bestAccuracy = -1;
            for (double label : LABEL) {
                for (double report : REPORT) {
                    AnalyzerSettings settings = with(label, report);
                    double accuracy = accuracy(file, cues, gazetteer, settings, all, fold, false);
                    if (accuracy > bestAccuracy) {
                        bestAccuracy = accuracy;
                        best = settings;
                    }
                }
            }
            for (Item item : all) {
                if (item.fold() == fold) {
                    held.add(item.cache().label(), predict(file, cues, gazetteer, best, item.cache(), false));
                }
            }
            System.out.printf(Locale.ROOT, "fold %d: train accuracy %.3f with label=%.2f report=%.2f%n", fold,
                    bestAccuracy, best.labelThreshold(), best.reportThreshold());
        }
        System.out.printf(Locale.ROOT, "3-fold CV (thresholds refit per fold): items=%d accuracy=%.3f macroF1=%.3f%n%s",
                held.total(), held.accuracy(), held.macroF1(), held.render());
    }

    private static double accuracy(NarrativeFile file, CueIndex cues, Gazetteer gazetteer, AnalyzerSettings settings,
                                   List<Item> all, int fold, boolean inFold) {
        int right = 0;
        int total = 0;
        for (Item item : all) {
            if ((item.fold() == fold) == inFold) {
                total++;
                right += predict(file, cues, gazetteer, settings, item.cache(), false).equals(item.cache().label())
                        ? 1 : 0;
            }
        }
        return (double) right / Math.max(1, total);
    }

    private static AnalyzerSettings with(double label, double report) {
        AnalyzerSettings d = AnalyzerSettings.defaults();
        return new AnalyzerSettings(d.maxChars(), d.parseMaxTokens(), d.timeBudgetMs(), d.minCueHits(), label, report);
    }
}
