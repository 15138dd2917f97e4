package io.bellwether.enrich.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.avro.Article;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.enrich.narrative.NarrativeFile;
import io.bellwether.enrich.text.StandInPipeline;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The caps and the time budget of the analyzer on a stand-in pipeline whose calls block until interrupted. */
class ArticleAnalyzerLimitsTest {
    private static final String BODY = "Meta released the weights of its newest Llama model under an open licence.";
    private ArticleAnalyzer analyzer;

    @AfterEach
    void close() {
        analyzer.close();
    }

    private static Article article(String title, String body) {
        return Article.newBuilder().setId("l1").setSource("test").setTitle(title).setBody(body)
                .setPublishedAt(Instant.parse("2026-12-04T08:00:00Z")).setIngestedAt(Instant.EPOCH).build();
    }

    private ArticleAnalyzer on(StandInPipeline pipeline, SentenceCache cache, Duration budget) {
        ArticleAnalyzer unlimited = ArticleAnalyzer.of(pipeline, NarrativeFile.defaults(), AnalyzerSettings.defaults(),
                cache);
        unlimited.close();
        return unlimited.withTimeBudget(budget);
    }

    @Test
    void parsesTheSelectedSentencesOfAnArticleWithinItsBudget() {
        StandInPipeline pipeline = new StandInPipeline(text -> false, false);
        analyzer = on(pipeline, SentenceCache.disabled(), Duration.ofMinutes(1));

        AnalysisResult.Enriched out = (AnalysisResult.Enriched) analyzer.analyze(article("Open weights", BODY));

        assertThat(out.stats().parsed()).isPositive();
        assertThat(out.stats().budgetExceeded()).isFalse();
        assertThat(out.article().getTruncated()).isFalse();
    }

    @Test
    void givesTheLexiconReadingToSentencesWhoseParseOutlastsTheBudgetAndStillScoresTheArticle() {
        StandInPipeline pipeline = new StandInPipeline(text -> false, true);
        SentenceCache cache = new SentenceCache(100);
        analyzer = on(pipeline, cache, Duration.ofMillis(50));

        AnalysisResult result = analyzer.analyze(article("Open weights", BODY));

        assertThat(result).isInstanceOf(AnalysisResult.Enriched.class);
        AnalysisResult.RunStats stats = ((AnalysisResult.Enriched) result).stats();
        assertThat(stats.budgetExceeded()).isTrue();
        assertThat(stats.parsed()).isZero();
        assertThat(stats.fallback()).isPositive();
        assertThat(pipeline.parses()).isEqualTo(1);
        assertThat(cache.stats().size()).as("no interrupted parse is cached").isZero();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void failsWithAnalysisTimeoutWhenTheCheapPassOutlastsTheBudget() {
        StandInPipeline pipeline = new StandInPipeline(text -> text.startsWith("stuck"), false);
        analyzer = on(pipeline, SentenceCache.disabled(), Duration.ofMillis(50));

        AnalysisResult result = analyzer.analyze(article("stuck", BODY));

        assertThat(result).isInstanceOfSatisfying(AnalysisResult.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo("analysis-timeout");
            assertThat(failed.detail()).contains("l1", "50 ms", "enrich.time-budget-ms");
        });
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(analyzer.analyze(article("Next", BODY))).isInstanceOf(AnalysisResult.Enriched.class);
    }

    @Test
    void cutsAnOverlongTitleEmitsTheCutTitleAndFlagsTheArticleTruncated() {
        StandInPipeline pipeline = new StandInPipeline(text -> false, false);
        analyzer = on(pipeline, SentenceCache.disabled(), Duration.ofMinutes(1));
        String title = "Open weights " + "word ".repeat(1_000);

        EnrichedArticle out = ((AnalysisResult.Enriched) analyzer.analyze(article(title, BODY))).article();

        assertThat(out.getTitle()).hasSizeLessThanOrEqualTo(ArticleAnalyzer.MAX_TITLE_CHARS).startsWith("Open weights");
        assertThat(out.getTruncated()).isTrue();
        assertThat(pipeline.seen().get(pipeline.seen().size() - 1)).isEqualTo(out.getTitle() + "\n\n" + BODY);
    }

    @Test
    void blanksTheTailOfAnOverlongWordKeepingTheOffsetsOfTheRest() {
        StandInPipeline pipeline = new StandInPipeline(text -> false, false);
        analyzer = on(pipeline, SentenceCache.disabled(), Duration.ofMinutes(1));
        String body = "x".repeat(19_000) + " " + BODY;

        EnrichedArticle out = ((AnalysisResult.Enriched) analyzer.analyze(article("Open weights", body))).article();

        String analysed = pipeline.seen().get(pipeline.seen().size() - 1);
        assertThat(analysed).hasSize("Open weights\n\n".length() + body.length()).doesNotContain("x".repeat(51))
                .endsWith(BODY);
        assertThat(out.getTruncated()).isTrue();
    }
}
