package io.bellwether.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bellwether.runtime.testing.TestKafka;
import io.bellwether.schemas.Topic;
import io.bellwether.schemas.Topics;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicCreatorTest {
    private static TestKafka kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = TestKafka.start();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void createsEveryCatalogTopicThenReportsThemAsExisting() throws Exception {
        Topics catalog = new Topics("creator-test");
        List<Topic<String, ?>> outputs = List.of(catalog.enriched(), catalog.narrativeScores());
        TopicCreator creator = new TopicCreator(admin(kafka.bootstrapServers()), 0, 1, Duration.ofSeconds(30));

        TopicSummary first = creator.create(outputs);
        TopicSummary second = creator.create(outputs);

        assertThat(first.lines()).containsExactly(
                "created news.articles.enriched.creator-test (6 partitions, replication 1)",
                "created news.narrative-scores.creator-test (3 partitions, replication 1)",
                "2 topics: 2 created, 0 already existed");
        assertThat(second.changedNothing()).isTrue();
        assertThat(second.lines()).containsExactly("exists  news.articles.enriched.creator-test",
                "exists  news.narrative-scores.creator-test", "2 topics: 0 created, 2 already existed");
    }

    @Test
    void overridesTheCatalogPartitionsWhenAsked() throws Exception {
        Topics catalog = new Topics("partitions-test");
        new TopicCreator(admin(kafka.bootstrapServers()), 2, 1, Duration.ofSeconds(30)).create(catalog.all());

        try (Admin admin = Admin.create(admin(kafka.bootstrapServers()))) {
            List<String> names = catalog.all().stream().map(Topic::name).collect(Collectors.toList());
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
            assertThat(described.values()).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(2));
        }
    }

    @Test
    void stampsDeadLettersWithTheirAppendTimeSoRetentionCountsFromTheFailure() throws Exception {
        Topics catalog = new Topics("append-time-test");
        new TopicCreator(admin(kafka.bootstrapServers()), 0, 1, Duration.ofSeconds(30))
                .create(List.of(catalog.deadLetter()));
        long articleTime = Instant.parse("2020-03-01T00:00:00Z").toEpochMilli();
        long before = System.currentTimeMillis();

        kafka.sendRaw(catalog.deadLetter().name(), "old".getBytes(StandardCharsets.UTF_8), new byte[] {1},
                articleTime);

        List<ConsumerRecord<byte[], byte[]>> read = readRaw(catalog.deadLetter().name());
        assertThat(read).singleElement().satisfies(record -> {
            assertThat(record.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
            assertThat(record.timestamp()).isGreaterThanOrEqualTo(before);
        });
    }

    @Test
    void failsInOneLineWhenTheBrokerCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            closedPort = socket.getLocalPort();
        }
        TopicCreator creator = new TopicCreator(admin("127.0.0.1:" + closedPort), 0, 1, Duration.ofSeconds(2));

        assertThatThrownBy(() -> creator.create(new Topics().all()))
                .isInstanceOf(KafkaUnavailableException.class)
                .hasMessage("cannot reach Kafka at 127.0.0.1:" + closedPort + " within 2 s");
    }

    private static Properties admin(String bootstrap) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        return props;
    }

    private static List<ConsumerRecord<byte[], byte[]>> readRaw(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "append-time-test");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
