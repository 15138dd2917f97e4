package io.bellwether.enrich;

import io.bellwether.avro.Article;
import io.bellwether.avro.DeadLetter;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.enrich.analysis.ArticleAnalyzer;
import io.bellwether.enrich.analysis.SharedCoreNlp;
import io.bellwether.runtime.config.ConfigSources;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.metrics.ServiceMetrics;
import io.bellwether.runtime.service.StreamsService;
import io.bellwether.runtime.testing.TestKafka;
import io.bellwether.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enrich service on a real broker with the real CoreNLP analyzer: garbage bytes written by another client
 * land in the dead-letter topic with the reason, and the articles before and after them are enriched once each,
 * with their key and event time.
 */
@ExtendWith(SharedCoreNlp.class)
class EnrichBrokerTest {

    @Test
    void enrichesArticlesAndDeadLettersGarbageWhileTheStreamKeepsRunning(ArticleAnalyzer analyzer,
                                                                         @TempDir Path state) throws Exception {
        Topics topics = new Topics();
        try (TestKafka kafka = TestKafka.start(); ServiceMetrics metrics = new ServiceMetrics("enrich")) {
            kafka.createTopics(List.of(topics.articles(), topics.enriched(), topics.deadLetter()));
            Settings settings = RuntimeKeys.definition().plus(EnrichKeys.all()).resolve(ConfigSources.flagsOnly(Map.of(
                    "bootstrap.servers", kafka.bootstrapServers(), "state.dir", state.toString(),
                    "streams.threads", "2")));
            EnrichConfig config = EnrichKeys.config(settings);
            StreamsService service = new EnrichApp(settings, config, analyzer, topics, metrics).service();
            service.start((name, reason) -> { });
            try {
                send(kafka, topics, article("first", "Meta released open weights for its new Llama model."));
                kafka.sendRaw(topics.articles().name(), "garbage".getBytes(StandardCharsets.UTF_8),
                        new byte[] {0x13, 0x37, 0x00, 0x42});
                send(kafka, topics, article("second", "OpenAI keeps its frontier model closed behind an API."));

                List<ConsumerRecord<String, EnrichedArticle>> enriched = kafka.read(topics.enriched(), 2,
                        Duration.ofSeconds(120));
                List<ConsumerRecord<String, DeadLetter>> dead = kafka.read(topics.deadLetter(), 1,
                        Duration.ofSeconds(30));

                assertThat(enriched).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("first", "second");
                assertThat(enriched).allSatisfy(record -> assertThat(record.timestamp())
                        .isEqualTo(Instant.parse("2026-10-04T09:00:00Z").toEpochMilli()));
                assertThat(dead).singleElement().satisfies(record -> {
                    assertThat(record.key()).isEqualTo("garbage");
                    assertThat(record.value().getStage()).isEqualTo("enrich");
                    assertThat(record.value().getReason()).isEqualTo("undecodable");
                    assertThat(record.value().getDetail()).contains("news.articles");
                    assertThat(record.value().getOriginalValue().array()).containsExactly(0x13, 0x37, 0x00, 0x42);
                });
                assertThat(service.health().up()).isTrue();
            } finally {
                service.close();
            }
        }
    }

    private static Article article(String id, String body) {
        Instant published = Instant.parse("2026-10-04T09:00:00Z");
        return Article.newBuilder().setId(id).setSource("Test Wire").setTitle("AI news " + id).setBody(body)
                .setPublishedAt(published).setIngestedAt(published).build();
    }

    private static void send(TestKafka kafka, Topics topics, Article article) throws Exception {
        kafka.sendRaw(topics.articles().name(), article.getId().getBytes(StandardCharsets.UTF_8),
                topics.articles().valueSerde().serializer().serialize(topics.articles().name(), article),
                article.getPublishedAt().toEpochMilli());
    }
}
