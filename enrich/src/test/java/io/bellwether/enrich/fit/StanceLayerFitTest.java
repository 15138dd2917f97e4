package io.bellwether.enrich.fit;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.enrich.analysis.StanceReading;
import io.bellwether.enrich.narrative.StanceModel;
import io.bellwether.enrich.stance.StanceScorer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StanceLayerFitTest {
    private static final StanceLayerFit.Options OPTIONS = new StanceLayerFit.Options(0.003, 2, 0.02, 0);

    @Test
    void learnsTheWordsThatSeparateTheLabelsAndNamesNoneForIrrelevantArticlesWithCues() {
        List<StanceExample> examples = examples();

        StanceModel model = new StanceLayerFit(OPTIONS).fit(examples);

        assertThat(model.labels()).containsExactly("open", "closed", "neutral", StanceModel.NONE);
        assertThat(model.weights().get("open").get("w:weights")).isPositive();
        assertThat(model.weights().get("closed").get("w:licence")).isPositive();
        assertThat(examples).allSatisfy(example ->
                assertThat(StanceLayerFit.predict(model, example)).isEqualTo(example.gold()));
    }

    @Test
    void givesTheSameWeightsForTheSameExamples() {
        assertThat(new StanceLayerFit(OPTIONS).fit(examples())).isEqualTo(new StanceLayerFit(OPTIONS).fit(examples()));
    }

    @Test
    void callsAnArticleWithoutCuesIrrelevantAndLetsTheRuleLabelShortOnes() {
        StanceModel model = new StanceLayerFit(new StanceLayerFit.Options(0.003, 2, 0.02, 50)).fit(examples());
        StanceExample noCues = new StanceExample(article("x", "pro_open"), Optional.empty());
        StanceExample shortOne = new StanceExample(article("y", "pro_closed"),
                Optional.of(reading("closed", 12, "w:weights")));

        assertThat(StanceLayerFit.predict(model, noCues)).isEqualTo("irrelevant");
        assertThat(StanceLayerFit.predict(model, shortOne)).isEqualTo("pro_closed");
        assertThat(model.minWords()).isEqualTo(50);
    }

    @Test
    void callsAShortArticleWithoutItsOwnCuesIrrelevantAndLetsTheLayerReadALongOne() {
        StanceModel model = new StanceLayerFit(new StanceLayerFit.Options(0.003, 2, 0.02, 50)).fit(examples());
        StanceScorer.Stance noEvidence = new StanceScorer.Stance(0.0, 0.0, "neutral", List.of(), Map.of());
        StanceExample shortOne = new StanceExample(article("s", "irrelevant"),
                Optional.of(new StanceReading(noEvidence, Map.of("w:weights", 1.0), 12, false)));
        StanceExample longOne = new StanceExample(article("l", "pro_open"),
                Optional.of(new StanceReading(noEvidence, Map.of("w:weights", 1.0, "w:community", 1.0), 200, false)));

        assertThat(StanceLayerFit.predict(model, shortOne)).isEqualTo("irrelevant");
        assertThat(StanceLayerFit.predict(model, longOne)).isEqualTo("pro_open");
    }

    @Test
    void balancedWeightsLetAMinorityLabelWinWhereEqualWeightsDoNot() {
        List<StanceExample> skewed = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            skewed.add(example("n" + i, "neutral", "w:shared", i < 6 ? "w:plain" : "w:other"));
        }
        skewed.add(example("c0", "pro_closed", "w:shared"));
        skewed.add(example("c1", "pro_closed", "w:shared", "w:licence"));
        StanceExample probe = example("p", "pro_closed", "w:shared");
        StanceLayerFit.Options equal = new StanceLayerFit.Options(0.03, 1, 0.0, 0);
        StanceLayerFit.Options balanced = new StanceLayerFit.Options(0.03, 1, 0.0, 0,
                StanceLayerFit.Inputs.BOTH, true);

        assertThat(StanceLayerFit.predict(new StanceLayerFit(equal).fit(skewed), probe)).isEqualTo("neutral");
        assertThat(StanceLayerFit.predict(new StanceLayerFit(balanced).fit(skewed), probe)).isEqualTo("pro_closed");
    }

    @Test
    void dropsWordsFewerArticlesHoldThanMinDf() {
        StanceModel model = new StanceLayerFit(new StanceLayerFit.Options(0.003, 3, 0.0, 0)).fit(examples());
        assertThat(model.weights().get("open")).containsKey("w:weights").doesNotContainKey("w:rare");
    }

    private static List<StanceExample> examples() {
        List<StanceExample> examples = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            examples.add(example("o" + i, "pro_open", "w:weights", "w:community", i == 0 ? "w:rare" : "w:common"));
            examples.add(example("c" + i, "pro_closed", "w:licence", "w:misuse", "w:common"));
            examples.add(example("n" + i, "neutral", "w:report", "w:both", "w:common"));
            examples.add(example("i" + i, "irrelevant", "w:golf", "w:tournament", "w:common"));
        }
        return examples;
    }

    private static StanceExample example(String id, String gold, String... words) {
        return new StanceExample(article(id, gold), Optional.of(reading("neutral", 200, words)));
    }

    private static LabelledArticle article(String id, String gold) {
        return new LabelledArticle(id, "t", "x", gold, Optional.empty(), id, List.of());
    }

    private static StanceReading reading(String ruleLabel, long words, String... names) {
        Map<String, Double> wordFeatures = new LinkedHashMap<>();
        for (String name : names) {
            wordFeatures.put(name, 1.0);
        }
        StanceScorer.Stance rule = new StanceScorer.Stance(0.0, 0.5, ruleLabel, List.of(), Map.of("stance", 0.0));
        return new StanceReading(rule, wordFeatures, words);
    }
}
