package io.bellwether.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.aggregate.AggregateConfig;
import io.bellwether.aggregate.AggregateKeys;
import io.bellwether.aggregate.AggregateTopology;
import io.bellwether.avro.Article;
import io.bellwether.avro.DeadLetter;
import io.bellwether.enrich.EnrichConfig;
import io.bellwether.enrich.EnrichKeys;
import io.bellwether.enrich.story.StorySettings;
import io.bellwether.enrich.stream.EnrichMetrics;
import io.bellwether.enrich.stream.EnrichTopology;
import io.bellwether.runtime.config.ConfigSources;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.kafka.GroupDrain;
import io.bellwether.runtime.kafka.KafkaSettings;
import io.bellwether.runtime.testing.TestArticles;
import io.bellwether.runtime.testing.TestKafka;
import io.bellwether.schemas.Topic;
import io.bellwether.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayRunTest {
    private static final Instant FROM = Instant.parse("2026-10-04T00:00:00Z");
    private static final TimeRange RANGE = new TimeRange(FROM, FROM.plus(Duration.ofDays(2)));
    private static final int IN_RANGE = 30;
    private static final TimeRange EVERYTHING = new TimeRange(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
    private static TestKafka kafka;

    @TempDir
    static Path stateDir;

    @BeforeAll
    static void start() throws Exception {
        kafka = TestKafka.start();
        kafka.createTopics(new Topics().all());
        List<Article> articles = new ArrayList<>();
        articles.add(TestArticles.article("early", FROM.minus(Duration.ofDays(3)), "Before the range"));
        for (int i = 0; i < IN_RANGE; i++) {
            String title = i == 7 ? "boom" : "Story " + i;
            articles.add(TestArticles.article("story-" + i, FROM.plus(Duration.ofMinutes(95L * i)), title));
        }
        TestArticles.produce(kafka.bootstrapServers(), new Topics().articles(), articles);
    }

    @AfterAll
    static void stop() throws Exception {
        kafka.close();
    }

    @Test
    void twoReplaysOfARangeGiveIdenticalRecordsAndMatchTheLiveFinalScores() throws Exception {
        List<String> lines = new ArrayList<>();
        ReplayRun.Result first = replay("first", "PT10M", lines);
        ReplayRun.Result second = replay("second", "PT10M", new ArrayList<>());

        assertThat(first.articles()).isEqualTo(IN_RANGE);
        assertThat(lines).anyMatch(line -> line.startsWith("replay: done, 30 articles"));
        List<Map<String, Object>> enriched = records(first.outputs().enriched());
        assertThat(enriched).hasSize(IN_RANGE - 1);
        assertThat(enriched).allSatisfy(record -> assertThat(RANGE.contains((Long) record.get("timestamp"))).isTrue());
        assertThat(records(second.outputs().enriched())).isEqualTo(enriched);
        assertThat(cleanupPolicy(first.outputs().narrativeScores())).as("replay scores keep every record")
                .isEqualTo("delete");
        assertThat(cleanupPolicy(first.outputs().entityScores())).isEqualTo("delete");
        List<Map<String, Object>> scores = records(first.outputs().narrativeScores());
        assertThat(scores).isNotEmpty();
        assertThat(records(second.outputs().narrativeScores())).isEqualTo(scores);
        List<Map<String, Object>> entities = records(first.outputs().entityScores());
        assertThat(records(second.outputs().entityScores())).isEqualTo(entities);
        assertThat(records(first.outputs().deadLetter())).singleElement().satisfies(record -> assertThat(
                ((DeadLetter) record.get("value")).getReason()).isEqualTo("analysis-failed"));
        assertThat(records(new Topics().deadLetter())).as("a replay leaves the live dead-letter topic alone")
                .isEmpty();

        runLive();
        Topics live = new Topics();
        Map<String, Map<String, Object>> liveEnriched = byKey(records(live.enriched()));
        assertThat(enriched).allSatisfy(record -> assertThat(liveEnriched.get((String) record.get("key")))
                .isEqualTo(record));
        Map<String, Map<String, Object>> liveScores = byKey(finals(records(live.narrativeScores())));
        List<Map<String, Object>> replayFinals = finals(scores);
        assertThat(replayFinals).hasSizeGreaterThan(20);
        assertThat(replayFinals).allSatisfy(record -> assertThat(liveScores.get((String) record.get("key")))
                .isEqualTo(record));
    }

    private static ReplayRun.Result replay(String name, String grace, List<String> lines) throws Exception {
        Settings settings = settings(grace);
        return new ReplayRun(settings, name, new StandInAnalyzer(), EnrichKeys.config(settings),
                AggregateKeys.config(settings), lines::add).run(RANGE);
    }

    /**
     * The live services over every article, with a grace longer than the articles' spread so none is late whatever
     * the partitions' interleaving (a late one would count in {@code lateArticles} of the open windows); an article
     * a week after the range, sent once the rest is scored, closes the range's windows.
     */
    private static void runLive() throws Exception {
        Settings settings = settings("P6D");
        KafkaSettings kafkaSettings = new KafkaSettings(settings);
        Topics topics = new Topics();
        EnrichConfig enrichConfig = EnrichKeys.config(settings);
        AggregateConfig aggregateConfig = AggregateKeys.config(settings);
        // No order wait: the drain below reads committed offsets, which cannot see story queries the band
        // buckets hold for a quiet partition (their records are consumed, their answers not yet written).
        StorySettings stories = EnrichKeys.stories(settings).withOrderWait(Duration.ZERO);
        try (KafkaStreams enrich = new KafkaStreams(new EnrichTopology(topics, new StandInAnalyzer(), enrichConfig,
                new EnrichMetrics(), stories).build(), kafkaSettings.streams("bellwether-enrich"));
             KafkaStreams aggregate = new KafkaStreams(new AggregateTopology(topics, aggregateConfig).build(),
                     kafkaSettings.streams("bellwether-aggregate"));
             GroupDrain drain = new GroupDrain(kafkaSettings.admin(), kafkaSettings.reader())) {
            enrich.start();
            aggregate.start();
            awaitLiveDrained(drain);
            TestArticles.produce(kafka.bootstrapServers(), topics.articles(), List.of(
                    TestArticles.article("after", RANGE.to().plus(Duration.ofDays(7)), "After the range")));
            awaitLiveDrained(drain);
        }
    }

    /**
     * Drained when enrich has consumed its input and its story stage's repartition topics (an enriched record is
     * written only once its story is resolved, three hops after its input was consumed), and aggregate its input
     * and its repartition topic. Waiting for enrich's input alone let the closing article reach aggregate after
     * the check, so the live finals were sometimes missing.
     */
    private static void awaitLiveDrained(GroupDrain drain) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            // Enrich's input and its story stage's three repartition topics, once Streams has created them.
            List<String> enrichInputs = drain.inputs(Topics.ARTICLES, "bellwether-enrich",
                    EnrichTopology.STORY_REPARTITIONS);
            if (enrichInputs.size() == 4 && drain.drained("bellwether-enrich", enrichInputs)
                    && drain.drained("bellwether-aggregate", List.of(Topics.ENRICHED,
                            "bellwether-aggregate-" + AggregateTopology.BY_NARRATIVE + "-repartition"))) {
                return;
            }
            assertThat(System.nanoTime()).as("live pipeline drained in time (enrich inputs %s)", enrichInputs)
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private static Settings settings(String grace) {
        return RuntimeKeys.definition().plus(EnrichKeys.all()).plus(AggregateKeys.all())
                .resolve(ConfigSources.flagsOnly(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                        "state.dir", stateDir.toString(), AggregateKeys.GRACE.name(), grace)));
    }

    /** Key, value and timestamp of every committed record, by partition then offset (headers hold wall-clock times). */
    private static List<Map<String, Object>> records(Topic<String, ?> topic) {
        List<ConsumerRecord<byte[], byte[]>> raw = new ArrayList<>();
        Properties reader = new Properties();
        reader.put("bootstrap.servers", kafka.bootstrapServers());
        new RangeReader(reader).read(topic.name(), EVERYTHING, raw::add, progress -> { });
        raw.sort(Comparator.<ConsumerRecord<byte[], byte[]>>comparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));
        List<Map<String, Object>> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : raw) {
            out.add(Map.of("key", topic.keySerde().deserializer().deserialize(topic.name(), record.key()),
                    "value", topic.valueSerde().deserializer().deserialize(topic.name(), record.value()),
                    "timestamp", record.timestamp()));
        }
        return out;
    }

    private static String cleanupPolicy(Topic<String, ?> topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            return admin.describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy").value();
        }
    }

    private static List<Map<String, Object>> finals(List<Map<String, Object>> scores) {
        return scores.stream().filter(record -> ((io.bellwether.avro.NarrativeScore) record.get("value")).getFinal$())
                .toList();
    }

    private static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> records) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        records.forEach(record -> out.put((String) record.get("key"), record));
        return out;
    }
}
