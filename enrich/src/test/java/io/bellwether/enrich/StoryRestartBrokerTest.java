package io.bellwether.enrich;

import static io.bellwether.enrich.story.StoryTexts.OTHER;
import static io.bellwether.enrich.story.StoryTexts.OTHER_BODY;
import static io.bellwether.enrich.story.StoryTexts.REWRITE;
import static io.bellwether.enrich.story.StoryTexts.REWRITE_BODY;
import static io.bellwether.enrich.story.StoryTexts.WIRE;
import static io.bellwether.enrich.story.StoryTexts.WIRE_BODY;
import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.avro.EnrichedArticle;
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
 * The story state on a real broker across a restart of the enrich service: the first instance sees the first
 * articles of two stories and stops; the second starts on an empty state directory, so its band buckets come back
 * from their changelogs only, and its copies and rewrites still join the stories the first instance started.
 */
class StoryRestartBrokerTest {
    private static final Instant T0 = Instant.parse("2026-10-04T09:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void storiesStartedBeforeARestartOnAFreshStateDirectoryKeepTheirIds(@TempDir Path firstState,
                                                                        @TempDir Path secondState) throws Exception {
        Topics topics = new Topics();
        try (TestKafka kafka = TestKafka.start(); ServiceMetrics metrics = new ServiceMetrics("enrich")) {
            kafka.createTopics(List.of(topics.articles(), topics.enriched(), topics.deadLetter()));

            StreamsService first = start(kafka, metrics, firstState);
            try {
                send(kafka, topics, "wire-1", WIRE, WIRE_BODY, T0);
                send(kafka, topics, "other-1", OTHER, OTHER_BODY, T0.plus(Duration.ofMinutes(30)));
                assertThat(kafka.read(topics.enriched(), 2, WAIT)).hasSize(2);
            } finally {
                first.close();
            }

            StreamsService second = start(kafka, metrics, secondState);
            try {
                send(kafka, topics, "copy-1", WIRE, WIRE_BODY, T0.plus(Duration.ofHours(3)));
                send(kafka, topics, "rewrite-1", REWRITE, REWRITE_BODY, T0.plus(Duration.ofHours(4)));
                send(kafka, topics, "copy-2", OTHER, OTHER_BODY, T0.plus(Duration.ofHours(6)));
                List<ConsumerRecord<String, EnrichedArticle>> enriched = kafka.read(topics.enriched(), 5, WAIT);

                Map<String, String> stories = new TreeMap<>();
                enriched.forEach(record -> stories.put(record.key(), record.value().getStoryId()));
                assertThat(enriched).as("one record per article").hasSize(5);
                assertThat(stories).containsExactlyInAnyOrderEntriesOf(Map.of("wire-1", "wire-1",
                        "other-1", "other-1", "copy-1", "wire-1", "rewrite-1", "wire-1", "copy-2", "other-1"));
                EnrichedArticle copy = enriched.stream().filter(record -> record.key().equals("copy-1"))
                        .findFirst().orElseThrow().value();
                assertThat(copy.getSimilarity()).isEqualTo(1.0);
                assertThat(copy.getNovelty()).isEqualTo(1.0 - (1.0 - 3.0 / 24));
            } finally {
                second.close();
            }
        }
    }

    /**
     * An article id sent again while its first record is still in the story stage (a re-sent article, a replay
     * into a live topic): each record keeps its own answers, so both come out. With the join keyed by article id,
     * the second record's article replaced the first's and its answers then waited for an article that never came.
     */
    @Test
    void everyRecordOfAnArticleIdSentTwiceAtOnceComesOut(@TempDir Path state) throws Exception {
        Topics topics = new Topics();
        try (TestKafka kafka = TestKafka.start(); ServiceMetrics metrics = new ServiceMetrics("enrich")) {
            kafka.createTopics(List.of(topics.articles(), topics.enriched(), topics.deadLetter()));
            for (int i = 0; i < 10; i++) {
                Instant at = T0.plus(Duration.ofMinutes(i));
                send(kafka, topics, "twice-" + i, WIRE + " " + i, WIRE_BODY, at);
                send(kafka, topics, "twice-" + i, WIRE + " " + i, WIRE_BODY, at);
            }
            StreamsService service = start(kafka, metrics, state);
            try {
                List<ConsumerRecord<String, EnrichedArticle>> enriched = kafka.read(topics.enriched(), 20, WAIT);

                Map<String, Integer> copies = new TreeMap<>();
                enriched.forEach(record -> copies.merge(record.key(), 1, Integer::sum));
                assertThat(copies).hasSize(10).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(2));
                assertThat(enriched).allSatisfy(record -> assertThat(record.value().getId()).isEqualTo(record.key()));
            } finally {
                service.close();
            }
        }
    }

    private static StreamsService start(TestKafka kafka, ServiceMetrics metrics, Path state) {
        return StoryBroker.start(kafka, metrics, state, 2, new EchoAnalyzer());
    }

    private static void send(TestKafka kafka, Topics topics, String id, String title, String body, Instant at)
            throws Exception {
        StoryBroker.send(kafka, topics, null, id, title, body, at);
    }
}
