package io.bellwether.enrich.stance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.bellwether.enrich.analysis.AnalyzerSettings;
import io.bellwether.enrich.narrative.Side;
import io.bellwether.enrich.narrative.StanceModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StanceScorerTest {
    private final StanceScorer scorer = new StanceScorer(0.15, 0.4);

    private static StanceScorer.Observation seen(Side side, double lexical, double sentence) {
        return new StanceScorer.Observation(1, 0, 10, "cue", side, 0.0, 1.0, sentence,
                new ClauseValence.Reading(lexical, lexical == 0.0 ? 0 : 1));
    }

    @Test
    void praiseOfTheOpenSidePushesTowardOpen() {
        StanceScorer.Stance stance = scorer.score(List.of(seen(Side.OPEN, 0.8, 0.5)));

        assertThat(stance.stance()).isPositive();
        assertThat(stance.label()).isEqualTo("open");
        assertThat(stance.evidence().get(0).push()).isPositive();
    }

    @Test
    void criticismOfTheClosedSidePushesTowardOpen() {
        StanceScorer.Stance stance = scorer.score(List.of(seen(Side.CLOSED, -0.8, -0.5)));

        assertThat(stance.stance()).isPositive();
        assertThat(stance.label()).isEqualTo("open");
    }

    @Test
    void criticismOfTheOpenSidePushesTowardClosed() {
        StanceScorer.Stance stance = scorer.score(List.of(seen(Side.OPEN, -0.8, -0.2), seen(Side.OPEN, -0.5, 0.0)));

        assertThat(stance.stance()).isNegative();
        assertThat(stance.label()).isEqualTo("closed");
    }

    @Test
    void countsWhatIsSaidNotHowOftenASideIsNamed() {
        List<StanceScorer.Observation> namesOpenOftenButCriticisesIt = List.of(
                seen(Side.OPEN, -0.7, 0.0), seen(Side.OPEN, -0.7, 0.0), seen(Side.OPEN, -0.7, 0.0),
                seen(Side.CLOSED, 0.0, 0.0));

        assertThat(scorer.score(namesOpenOftenButCriticisesIt).label()).isEqualTo("closed");
    }

    @Test
    void labelsBalancedEvidenceNeutral() {
        StanceScorer.Stance stance = scorer.score(List.of(seen(Side.OPEN, 0.6, 0.0), seen(Side.OPEN, -0.6, 0.0)));

        assertThat(stance.stance()).isCloseTo(0.0, within(1e-9));
        assertThat(stance.label()).isEqualTo("neutral");
    }

    @Test
    void usesTheCuePriorWhenTheClauseSaysNothing() {
        StanceScorer.Observation walledGarden = new StanceScorer.Observation(0, 0, 5, "walled garden", Side.CLOSED,
                -0.6, 1.0, Double.NaN, new ClauseValence.Reading(0.0, 0));

        assertThat(scorer.score(List.of(walledGarden)).evidence().get(0).push()).isCloseTo(0.6,
                within(1e-9));
    }

    @Test
    void growsConfidenceWithMoreAgreeingEvidence() {
        double one = scorer.score(List.of(seen(Side.OPEN, 0.8, 0.0))).confidence();
        double four = scorer.score(List.of(seen(Side.OPEN, 0.8, 0.0), seen(Side.OPEN, 0.6, 0.0),
                seen(Side.CLOSED, -0.7, 0.0), seen(Side.OPEN, 0.5, 0.0))).confidence();
        StanceScorer.Stance dissent = scorer.score(List.of(seen(Side.OPEN, 0.8, 0.0), seen(Side.OPEN, 0.6, 0.0),
                seen(Side.CLOSED, -0.7, 0.0), seen(Side.OPEN, -0.5, 0.0)));

        assertThat(four).isGreaterThan(one).isBetween(0.0, 1.0);
        assertThat(dissent.label()).isEqualTo("open");
        assertThat(dissent.confidence()).isLessThan(four);
    }

    @Test
    void keepsStanceWithinBoundsForExtremeInput() {
        StanceScorer.Stance stance = scorer.score(List.of(new StanceScorer.Observation(0, 0, 1, "c", Side.OPEN, 1.0,
                5.0, 1.0, new ClauseValence.Reading(1.0, 3))));

        assertThat(stance.stance()).isBetween(-1.0, 1.0);
    }

    @Test
    void givesNoStanceWithoutEvidence() {
        StanceScorer.Stance stance = scorer.score(List.of());

        assertThat(stance.stance()).isZero();
        assertThat(stance.confidence()).isZero();
    }

    @Test
    void rejectsAThresholdOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new StanceScorer(1.5, 0.4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void labelsAWeakButOneSidedStanceAtTheDefaultThreshold() {
        StanceScorer defaults = new StanceScorer(AnalyzerSettings.defaults().labelThreshold(),
                AnalyzerSettings.defaults().reportThreshold());

        assertThat(defaults.score(List.of(seen(Side.OPEN, 0.0, 0.4))).label()).isEqualTo("open");
        assertThat(scorer.score(List.of(seen(Side.OPEN, 0.0, 0.4))).label()).isEqualTo("neutral");
    }

    @Test
    void splitsFeaturesByChannelAndPlace() {
        StanceScorer.Observation priorInTitle = new StanceScorer.Observation(0, 0, 5, "walled garden", Side.CLOSED,
                -0.6, 1.0, Double.NaN, new ClauseValence.Reading(0.0, 0));
        StanceScorer.Observation praisedAtTheEnd = new StanceScorer.Observation(9, 0, 5, "open model", Side.OPEN,
                0.0, 1.0, 0.0, new ClauseValence.Reading(0.8, 1));

        Map<String, Double> features = scorer.score(List.of(priorInTitle, praisedAtTheEnd), false, 10,
                Optional.empty(), Map.of()).features();

        assertThat(features.get("prior")).isCloseTo(Math.tanh(0.3), within(1e-9));
        assertThat(features.get("lexical")).isCloseTo(Math.tanh(0.24), within(1e-9));
        assertThat(features.get("sentence")).isZero();
        assertThat(features.get("title")).isCloseTo(Math.tanh(0.3), within(1e-9));
        assertThat(features.get("conclusion")).isCloseTo(Math.tanh(0.24), within(1e-9));
        assertThat(features.get("balance")).isZero();
        assertThat(features).containsKeys(StanceFeatures.NAMES.toArray(String[]::new));
    }

    @Test
    void aLearnedLayerDecidesTheLabelAndTheStance() {
        StanceModel neutralUnlessReport = new StanceModel(Map.of(
                "open", Map.of("stance", 1.0),
                "closed", Map.of("stance", -1.0),
                "neutral", Map.of("bias", 3.0, "report", -6.0)));
        List<StanceScorer.Observation> praise = List.of(seen(Side.OPEN, 0.8, 0.5), seen(Side.OPEN, 0.6, 0.5));

        StanceScorer.Stance opinion = scorer.score(praise, false, 5, Optional.of(neutralUnlessReport), Map.of());
        StanceScorer.Stance report = scorer.score(praise, true, 5, Optional.of(neutralUnlessReport), Map.of());

        assertThat(opinion.label()).isEqualTo("neutral");
        assertThat(report.label()).isEqualTo("open");
        Map<String, Double> p = neutralUnlessReport.probabilities(report.features());
        assertThat(report.stance()).isCloseTo(p.get("open") - p.get("closed"), within(1e-9));
    }

    @Test
    void aLearnedLayerReadsTheArticlesWordsBesideTheEvidence() {
        StanceModel wary = new StanceModel(Map.of(
                "open", Map.of("stance", 2.0),
                "closed", Map.of("stance", -2.0, "w:anyone can strip", 4.0),
                "neutral", Map.of()));
        List<StanceScorer.Observation> praise = List.of(seen(Side.OPEN, 0.8, 0.5));

        StanceScorer.Stance plain = scorer.score(praise, false, 5, Optional.of(wary), Map.of());
        StanceScorer.Stance warned = scorer.score(praise, false, 5, Optional.of(wary),
                Map.of("w:anyone can strip", 1.0));

        assertThat(plain.label()).isEqualTo("open");
        assertThat(warned.label()).isEqualTo("closed");
        assertThat(warned.features()).doesNotContainKey("w:anyone can strip");
    }
}
