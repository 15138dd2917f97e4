package io.bellwether.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchStatisticsTest {

    @Test
    void percentilesUseTheNearestRank() {
        Percentiles sample = Percentiles.of(List.of(50L, 10L, 40L, 20L, 30L, 60L, 70L, 80L, 90L, 100L));

        assertThat(sample.at(50)).isEqualTo(50);
        assertThat(sample.at(95)).isEqualTo(100);
        assertThat(sample.at(10)).isEqualTo(10);
        assertThat(sample.at(11)).isEqualTo(20);
    }

    @Test
    void percentilesOfAnEmptySampleAreZero() {
        assertThat(Percentiles.of(List.of()).at(99)).isZero();
    }

    @Test
    void comparesLabelsStancesAndEntitiesWithTheReference() {
        Map<String, ArticleOutcome> reference = Map.of(
                "a", new ArticleOutcome("a", "open", 0.6, Set.of("Meta|ORGANIZATION", "Paris|LOCATION")),
                "b", new ArticleOutcome("b", "closed", -0.4, Set.of("OpenAI|ORGANIZATION")));
        Map<String, ArticleOutcome> fast = Map.of(
                "a", new ArticleOutcome("a", "open", 0.5, Set.of("Meta|ORGANIZATION")),
                "b", new ArticleOutcome("b", "neutral", -0.1, Set.of("OpenAI|ORGANIZATION")));

        Quality quality = Quality.compare(fast, reference);

        assertThat(quality.articles()).isEqualTo(2);
        assertThat(quality.labelAgreement()).isEqualTo(0.5);
        assertThat(quality.meanAbsStanceDiff()).isCloseTo(0.2, within(1e-9));
        assertThat(quality.entityF1Micro()).isCloseTo(2.0 * 2 / (2 + 3), within(1e-9));
        assertThat(quality.entityF1Macro()).isCloseTo((2.0 / 3 + 1.0) / 2, within(1e-9));
    }

    @Test
    void skipsArticlesTheFastRunDoesNotHold() {
        Map<String, ArticleOutcome> reference = Map.of(
                "a", new ArticleOutcome("a", "none", 0, Set.of()),
                "b", new ArticleOutcome("b", "open", 0.3, Set.of("Mistral|ORGANIZATION")));
        Map<String, ArticleOutcome> fast = Map.of("a", new ArticleOutcome("a", "none", 0, Set.of()));

        Quality quality = Quality.compare(fast, reference);

        assertThat(quality.articles()).isEqualTo(1);
        assertThat(quality.labelAgreement()).isEqualTo(1.0);
        assertThat(quality.entityF1Micro()).isEqualTo(1.0);
    }

    @Test
    void spanF1PoolsCountsOverTheReferenceArticles() {
        Map<String, Set<String>> reference = Map.of("a", Set.of("x", "y"), "b", Set.of("z"));
        Map<String, Set<String>> found = Map.of("a", Set.of("x"), "b", Set.of("z", "w"));

        assertThat(EnrichIdeas.spanF1(found, reference)).isCloseTo(2.0 * 2 / (3 + 3), within(1e-9));
    }

    @Test
    void ratiosCompareSentenceRates() {
        Throughput slow = new Throughput(5, 100, 50_000_000_000L);
        Throughput fast = new Throughput(50, 1_000, 10_000_000_000L);

        assertThat(slow.sentencesPerSecond()).isCloseTo(2.0, within(1e-9));
        assertThat(fast.ratioTo(slow)).isCloseTo(50.0, within(1e-9));
    }
}
