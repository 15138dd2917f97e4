package io.bellwether.enrich.fit;

import io.bellwether.enrich.analysis.ArticleAnalyzer;
import io.bellwether.enrich.analysis.StanceReading;
import io.bellwether.enrich.narrative.Narrative;
import io.bellwether.enrich.narrative.StanceModel;
import io.bellwether.enrich.offline.ConfusionMatrix;
import io.bellwether.enrich.offline.OrderedPool;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits a narrative's stance layer from labelled articles: reads each article once with the analyzer (all cores,
 * progress on stderr), runs grouped cross-validation for each L2 strength, keeps the one with the best macro-F1 and
 * fits it on all articles. Prints each CV's accuracy, macro-F1 and confusion matrix. Extra articles (e.g. another
 * domain's) can join every training fold without ever being scored, so the figures stay on the main set.
 */
public final class StanceFit {
    /** L2 strengths tried, weakest first; the first of equals wins. */
    public static final double[] L2 = {0.0003, 0.001, 0.003, 0.01, 0.03, 0.1};

    private final ArticleAnalyzer analyzer;
    private final GroupedFolds folds;
    private final StanceLayerFit.Options layer;
    private final int threads;
    private final PrintStream out;
    private final PrintStream progress;
    private final boolean cueReport;

    /**
     * @param layer the layer's options; its L2 strength is the one chosen here, the given one is not used
     * @param cueReport also print what each cue phrase did on the labelled articles ({@link CueReport})
     */
    public StanceFit(ArticleAnalyzer analyzer, GroupedFolds folds, StanceLayerFit.Options layer, int threads,
                     boolean cueReport, PrintStream out, PrintStream progress) {
        this.cueReport = cueReport;
        this.analyzer = analyzer;
        this.folds = folds;
        this.layer = layer;
        this.threads = threads;
        this.out = out;
        this.progress = progress;
    }

    /** The outcome: the layer fitted on all articles, and the cross-validation of the chosen L2. */
    public record Result(StanceModel model, double l2, ConfusionMatrix crossValidation, ConfusionMatrix rule) {
    }

    public Result fit(Narrative narrative, List<LabelledArticle> articles) {
        return fit(narrative, articles, List.of());
    }

    /** As {@link #fit(Narrative, List)}, with {@code extra} in every training fold and in the final fit. */
    public Result fit(Narrative narrative, List<LabelledArticle> articles, List<LabelledArticle> extra) {
        List<StanceExample> examples = examples(narrative, articles);
        List<StanceExample> extras = examples(narrative, extra);
        if (cueReport) {
            new CueReport().print(narrative, examples, out);
        }
        ConfusionMatrix rule = new ConfusionMatrix(LabelledArticle.LABELS);
        examples.forEach(example -> rule.add(example.gold(), example.reading().filter(StanceReading::ownCues)
                .map(reading -> Labels.gold(reading.rule().label())).orElse("irrelevant")));
        report("threshold rule alone (no layer)", rule);
        ConfusionMatrix best = null;
        double bestL2 = L2[0];
        for (double l2 : L2) {
            ConfusionMatrix held = crossValidate(examples, extras, l2);
            report(String.format(Locale.ROOT, "grouped %d-fold cross-validation, l2=%s", folds.folds(), plain(l2)), held);
            if (best == null || held.macroF1() > best.macroF1() + 1e-12) {
                best = held;
                bestL2 = l2;
            }
        }
        List<StanceExample> all = new ArrayList<>(examples);
        all.addAll(extras);
        StanceModel model = new StanceLayerFit(options(bestL2)).fit(all);
        out.printf(Locale.ROOT, "chosen l2=%s: cross-validated accuracy=%.3f macroF1=%.3f over %d articles in %d"
                + " groups%n", plain(bestL2), best.accuracy(), best.macroF1(), examples.size(),
                examples.stream().map(StanceExample::group).distinct().count());
        return new Result(model, bestL2, best, rule);
    }

    private ConfusionMatrix crossValidate(List<StanceExample> examples, List<StanceExample> extras, double l2) {
        ConfusionMatrix held = new ConfusionMatrix(LabelledArticle.LABELS);
        for (int fold = 0; fold < folds.folds(); fold++) {
            List<StanceExample> train = new ArrayList<>(extras);
            List<StanceExample> test = new ArrayList<>();
            for (StanceExample example : examples) {
                (folds.foldOf(example.group()) == fold ? test : train).add(example);
            }
            if (test.isEmpty()) {
                continue;
            }
            StanceModel model = new StanceLayerFit(options(l2)).fit(train);
            test.forEach(example -> held.add(example.gold(), StanceLayerFit.predict(model, example)));
        }
        return held;
    }

    /** An L2 strength as written in reports: 0.0003, not 3.0E-4. */
    public static String plain(double l2) {
        return BigDecimal.valueOf(l2).stripTrailingZeros().toPlainString();
    }

    private StanceLayerFit.Options options(double l2) {
        return layer.withL2(l2);
    }

    private List<StanceExample> examples(Narrative narrative, List<LabelledArticle> articles) {
        List<StanceExample> examples = new ArrayList<>();
        try (OrderedPool pool = new OrderedPool(threads)) {
            pool.map(articles.iterator(), article -> analyzer.stanceReading(article.article(), narrative),
                    (article, reading) -> {
                        examples.add(new StanceExample(article, reading));
                        if (examples.size() % 25 == 0 || examples.size() == articles.size()) {
                            progress.printf(Locale.ROOT, "fit: read %d of %d articles%n", examples.size(),
                                    articles.size());
                        }
                    });
        }
        return examples;
    }

    private void report(String title, ConfusionMatrix matrix) {
        out.printf(Locale.ROOT, "%s: items=%d accuracy=%.3f macroF1=%.3f%n%s", title, matrix.total(),
                matrix.accuracy(), matrix.macroF1(), matrix.render());
    }
}
