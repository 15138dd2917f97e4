package io.bellwether.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.avro.Article;
import io.bellwether.runtime.testing.TestArticles;
import io.bellwether.runtime.testing.TestKafka;
import io.bellwether.schemas.Topic;
import io.bellwether.schemas.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InPlaceReplayTest {
    private static final Topics TOPICS = new Topics();
    private static final Instant FROM = Instant.parse("2026-10-04T12:00:00Z");
    private static final String CHANGELOG = "bellwether-aggregate-aggregate-progress-changelog";
    private static TestKafka kafka;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void start() throws Exception {
        kafka = TestKafka.start();
        kafka.createTopics(TOPICS.all());
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            articles.add(TestArticles.article("hour-" + i, FROM.minus(Duration.ofHours(12 - i)), "Story " + i));
        }
        TestArticles.produce(kafka.bootstrapServers(), TOPICS.articles(), articles);
        kafka.sendRaw(TOPICS.enriched().name(), "k".getBytes(), "v".getBytes(), FROM.toEpochMilli());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(CHANGELOG, 1, (short) 1))).all().get();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        kafka.close();
    }

    @Test
    void refusesWhileALiveApplicationHasActiveMembers() {
        try (KafkaConsumer<byte[], byte[]> member = consumer("bellwether-enrich")) {
            member.subscribe(List.of(Topics.ARTICLES));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (member.assignment().isEmpty() && System.nanoTime() < deadline) {
                member.poll(Duration.ofMillis(200));
            }
            CommandRun run = run("replay", "--in-place", "--from", FROM.toString());
            assertThat(run.code()).isNotZero();
            assertThat(run.output()).contains("bellwether-enrich is running (1 active member(s))");
        }
    }

    @Test
    void rewindsEnrichToTheInstantAndEmptiesAggregateAtTheEndOfTheEnrichedTopic() throws Exception {
        commitAtEnd("bellwether-enrich", TOPICS.articles());
        commitAtEnd("bellwether-aggregate", TOPICS.enriched());
        commitAt("bellwether-aggregate", new TopicPartition(TOPICS.enriched().name(), 0), 0);
        Path local = Files.createDirectories(stateDir.resolve("bellwether-aggregate").resolve("0_0"));
        Files.writeString(local.resolve("checkpoint"), "stale");

        CommandRun run = run("replay", "--in-place", "--from", FROM.toString(), "--set", "state.dir=" + stateDir);

        assertThat(run.code()).as(run.output()).isZero();
        assertThat(committed("bellwether-enrich")).isEqualTo(offsetsAt(TOPICS.articles(), FROM));
        assertThat(committed("bellwether-aggregate")).isEqualTo(endOffsets(TOPICS.enriched()));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).doesNotContain(CHANGELOG).contains(Topics.ARTICLES);
        }
        assertThat(stateDir.resolve("bellwether-aggregate")).doesNotExist();
    }

    @Test
    void rejectsInPlaceWithAnEndOrASuffix() {
        CommandRun run = run("replay", "--in-place", "--from", FROM.toString(), "--to", FROM.plusSeconds(60).toString());
        assertThat(run.code()).isNotZero();
        assertThat(run.output()).contains("either --to and --target-suffix");
    }

    private static Map<TopicPartition, Long> offsetsAt(Topic<?, ?> topic, Instant instant) {
        try (KafkaConsumer<byte[], byte[]> reader = consumer(null)) {
            List<TopicPartition> partitions = partitions(reader, topic);
            Map<TopicPartition, Long> query = partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> instant.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = reader.offsetsForTimes(query);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            Map<TopicPartition, Long> out = new HashMap<>();
            partitions.forEach(p -> out.put(p, found.get(p) == null ? ends.get(p) : found.get(p).offset()));
            return out;
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Topic<?, ?> topic) {
        try (KafkaConsumer<byte[], byte[]> reader = consumer(null)) {
            return reader.endOffsets(partitions(reader, topic));
        }
    }

    private static void commitAtEnd(String group, Topic<?, ?> topic) {
        endOffsets(topic).forEach((partition, end) -> commitAt(group, partition, end));
    }

    private static void commitAt(String group, TopicPartition partition, long offset) {
        try (KafkaConsumer<byte[], byte[]> committer = consumer(group)) {
            committer.assign(List.of(partition));
            committer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)));
        }
    }

    private static Map<TopicPartition, Long> committed(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> reader, Topic<?, ?> topic) {
        return reader.partitionsFor(topic.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String group) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("enable.auto.commit", "false");
        if (group != null) {
            props.put("group.id", group);
        }
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static CommandRun run(String... args) {
        return CommandRun.run(kafka.bootstrapServers(), args);
    }
}
