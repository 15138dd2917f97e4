package io.bellwether.enrich.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.avro.Article;
import io.bellwether.avro.DeadLetter;
import io.bellwether.enrich.analysis.AnalyzerSettings;
import io.bellwether.enrich.analysis.ArticleAnalyzer;
import io.bellwether.enrich.analysis.SentenceCache;
import io.bellwether.enrich.narrative.NarrativeFile;
import io.bellwether.enrich.text.StandInPipeline;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The time budget inside the topology: the real {@link ArticleAnalyzer} and its watchdog on a stand-in pipeline
 * whose cheap pass blocks on articles titled "stuck" until the watchdog interrupts it.
 */
class EnrichLimitsTopologyTest {
    private static final Instant PUBLISHED = Instant.parse("2026-12-04T10:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private ArticleAnalyzer analyzer;
    private EnrichDriver driver;

    @BeforeEach
    void start() {
        ArticleAnalyzer unlimited = ArticleAnalyzer.of(new StandInPipeline(text -> text.startsWith("stuck"), false),
                NarrativeFile.defaults(), AnalyzerSettings.defaults(), SentenceCache.disabled());
        unlimited.close();
        analyzer = unlimited.withTimeBudget(Duration.ofMillis(100));
        EnrichMetrics metrics = new EnrichMetrics();
        metrics.bindTo(registry);
        driver = new EnrichDriver(analyzer, metrics);
    }

    @AfterEach
    void stop() {
        driver.close();
        analyzer.close();
    }

    private void send(String id, String title) {
        driver.send(id, driver.encode(Article.newBuilder().setId(id).setSource("test").setTitle(title)
                .setBody("Meta released the weights of its newest Llama model under an open licence.")
                .setPublishedAt(PUBLISHED).setIngestedAt(PUBLISHED).build()), PUBLISHED);
    }

    @Test
    void deadLettersATimedOutArticleWithItsReasonAndEnrichesTheNextOne() {
        send("slow-1", "stuck in the tokenizer");
        send("next-1", "Open weights again");

        TestRecord<String, DeadLetter> letter = driver.deadLetters.readRecord();
        assertThat(letter.key()).isEqualTo("slow-1");
        assertThat(letter.value().getReason()).isEqualTo("analysis-timeout");
        assertThat(letter.value().getDetail()).contains("slow-1", "100 ms");
        assertThat(letter.value().getOriginalValue()).isNotNull();
        assertThat(driver.deadLetters.isEmpty()).isTrue();
        assertThat(driver.enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("next-1");
        assertThat(Thread.currentThread().isInterrupted()).as("the stream thread is left uninterrupted").isFalse();
    }

    @Test
    void countsTimeoutsUnderTheirOwnReasonAndUnknownReasonsAsOther() {
        send("slow-2", "stuck again");
        EnrichMetrics sameRegistry = new EnrichMetrics();
        sameRegistry.bindTo(registry);
        sameRegistry.deadLettered("some-new-reason");

        assertThat(registry.get("bellwether.enrich.dead.letters").tag("reason", "analysis-timeout").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("bellwether.enrich.dead.letters").tag("reason", "other").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.find("bellwether.enrich.dead.letters").tag("reason", "some-new-reason").counter())
                .isNull();
    }
}
