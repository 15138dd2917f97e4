package io.bellwether.enrich.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.avro.Article;
import io.bellwether.avro.DeadLetter;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.enrich.EnrichConfig;
import io.bellwether.enrich.analysis.AnalysisResult;
import io.bellwether.enrich.analysis.Analyzer;
import io.bellwether.enrich.story.EchoAnalyzer;
import io.bellwether.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrichTopologyTest {
    private static final Instant PUBLISHED = Instant.parse("2026-03-01T10:00:00Z");

    private final Topics topics = new Topics();
    private EnrichDriver driver;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    /** Enriches every article as itself, except those titled "boom", which fail. */
    private static final class StandInAnalyzer implements Analyzer {
        private final EchoAnalyzer echo = new EchoAnalyzer(7);

        @Override
        public AnalysisResult analyze(Article article) {
            if ("boom".equals(article.getTitle())) {
                return new AnalysisResult.Failed("analysis-failed", "stand-in failure", 3);
            }
            return echo.analyze(article);
        }

        @Override
        public String pipelineVersion() {
            return "stand-in";
        }
    }

    @BeforeEach
    void start() {
        driver = new EnrichDriver(new StandInAnalyzer(), new EnrichMetrics());
        enriched = driver.enriched;
        deadLetters = driver.deadLetters;
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(String key, byte[] value) {
        driver.send(key, value, PUBLISHED);
    }

    private byte[] article(String id, String title) {
        return driver.encode(Article.newBuilder().setId(id).setSource("test").setTitle(title).setBody("Some text.")
                .setPublishedAt(PUBLISHED).setIngestedAt(PUBLISHED).build());
    }

    @Test
    void enrichesAGoodArticleUnderTheSameKeyAndTimestamp() {
        send("a1", article("a1", "Open models"));

        TestRecord<String, EnrichedArticle> out = enriched.readRecord();
        assertThat(out.key()).isEqualTo("a1");
        assertThat(out.timestamp()).isEqualTo(PUBLISHED.toEpochMilli());
        assertThat(out.value().getId()).isEqualTo("a1");
        Header header = out.headers().lastHeader("bellwether.processing-ms");
        assertThat(new String(header.value(), StandardCharsets.UTF_8)).isEqualTo("7");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void routesGarbageBytesToTheDeadLetterTopicWithTheOriginalBytes() {
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        send("g1", garbage);

        TestRecord<String, DeadLetter> out = deadLetters.readRecord();
        assertThat(out.key()).isEqualTo("g1");
        DeadLetter letter = out.value();
        assertThat(letter.getStage()).isEqualTo("enrich");
        assertThat(letter.getReason()).isEqualTo("undecodable");
        assertThat(letter.getDetail()).contains(topics.articles().name());
        assertThat(letter.getSourceTopic()).isEqualTo(topics.articles().name());
        assertThat(letter.getSourceOffset()).isZero();
        assertThat(letter.getOriginalValue().array()).isEqualTo(garbage);
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void routesAnAnalyzerFailureToTheDeadLetterTopicWithItsReason() {
        send("b1", article("b1", "boom"));

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getReason()).isEqualTo("analysis-failed");
        assertThat(letter.getDetail()).isEqualTo("stand-in failure");
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void keepsEnrichingAfterABadRecord() {
        send("g1", new byte[] {1, 2, 3});
        send("b1", article("b1", "boom"));
        send("a2", article("a2", "Still here"));

        assertThat(deadLetters.readValuesToList()).hasSize(2);
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("a2");
    }

    @Test
    void namesEverySourceProcessorAndSink() {
        String description = new EnrichTopology(topics, new StandInAnalyzer(), EnrichConfig.defaults()).build()
                .describe().toString();

        assertThat(description).contains(EnrichTopology.SOURCE, EnrichTopology.PROCESSOR,
                EnrichTopology.ENRICHED_SINK, EnrichTopology.DEAD_LETTER_SINK).doesNotContain("KSTREAM-");
    }
}
