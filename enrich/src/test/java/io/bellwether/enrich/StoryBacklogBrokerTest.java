package io.bellwether.enrich;

import static io.bellwether.enrich.story.StoryTexts.OTHER;
import static io.bellwether.enrich.story.StoryTexts.OTHER_BODY;
import static io.bellwether.enrich.story.StoryTexts.WIRE;
import static io.bellwether.enrich.story.StoryTexts.WIRE_BODY;
import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.avro.Article;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.enrich.analysis.AnalysisResult;
import io.bellwether.enrich.analysis.Analyzer;
import io.bellwether.enrich.story.EchoAnalyzer;
import io.bellwether.runtime.metrics.ServiceMetrics;
import io.bellwether.runtime.service.StreamsService;
import io.bellwether.runtime.testing.TestKafka;
import io.bellwether.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backlog on a real broker: the whole input waits in the topic before enrich starts, and the partition holding
 * a syndicated copy runs ahead of the one holding its original, whose turn comes after a slow article. The band
 * buckets hold the copy's queries until the original's partition has passed the copy's event time, so the copy
 * still joins the original's story. Without the wait (enrich.story.order-wait=PT0S) the copy was answered first and
 * started a story of its own in one of two tries: the order of the stream thread's turns is not fixed, so this
 * test does not always meet the race it guards against.
 */
class StoryBacklogBrokerTest {
    private static final Instant T0 = Instant.parse("2026-10-04T09:00:00Z");

    @Test
    void aCopyWhosePartitionRunsAheadOfItsOriginalsStillJoinsTheOriginalsStory(@TempDir Path state) throws Exception {
        Topics topics = new Topics();
        try (TestKafka kafka = TestKafka.start(); ServiceMetrics metrics = new ServiceMetrics("enrich")) {
            kafka.createTopics(List.of(topics.articles(), topics.enriched(), topics.deadLetter()));
            send(kafka, topics, 0, "slow-1", OTHER, OTHER_BODY, T0.minus(Duration.ofHours(1)));
            send(kafka, topics, 0, "original", WIRE, WIRE_BODY, T0);
            send(kafka, topics, 1, "copy", WIRE, WIRE_BODY, T0.plus(Duration.ofMinutes(45)));

            StreamsService service = start(kafka, metrics, state);
            try {
                List<ConsumerRecord<String, EnrichedArticle>> enriched =
                        kafka.read(topics.enriched(), 3, Duration.ofSeconds(120));
                Map<String, String> stories = new TreeMap<>();
                enriched.forEach(record -> stories.put(record.key(), record.value().getStoryId()));
                assertThat(stories).containsExactlyInAnyOrderEntriesOf(
                        Map.of("slow-1", "slow-1", "original", "original", "copy", "original"));
                EnrichedArticle copy = enriched.stream().filter(record -> record.key().equals("copy"))
                        .findFirst().orElseThrow().value();
                assertThat(copy.getNovelty()).isEqualTo(45.0 / (24 * 60));
            } finally {
                service.close();
            }
        }
    }

    private static StreamsService start(TestKafka kafka, ServiceMetrics metrics, Path state) {
        // One stream thread takes the six tasks in turns, so the copy's partition gets its turn while the
        // original's partition is still on the slow article.
        return StoryBroker.start(kafka, metrics, state, 1, new SlowFirst());
    }

    private static void send(TestKafka kafka, Topics topics, int partition, String id, String title, String body,
                             Instant at) throws Exception {
        StoryBroker.send(kafka, topics, partition, id, title, body, at);
    }

    /** Echoes every article, taking a second over those whose id starts with "slow". */
    private static final class SlowFirst implements Analyzer {
        private final EchoAnalyzer echo = new EchoAnalyzer();

        @Override
        public AnalysisResult analyze(Article article) {
            if (article.getId().startsWith("slow")) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return echo.analyze(article);
        }

        @Override
        public String pipelineVersion() {
            return echo.pipelineVersion();
        }
    }
}
