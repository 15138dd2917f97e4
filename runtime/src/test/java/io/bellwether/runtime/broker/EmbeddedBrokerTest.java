package io.bellwether.runtime.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bellwether.runtime.config.ConfigException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerTest {
    @TempDir
    Path temp;

    @Test
    void keepsRecordsAndClusterIdAcrossARestartFromTheSameDirectory() throws Exception {
        Path dir = temp.resolve("kafka");
        String clusterId;
        int port;
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dir)) {
            clusterId = broker.clusterId();
            port = broker.port();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("notes", 1, (short) 1))).all().get();
            }
            produce(broker.bootstrapServers(), "first", "second");
            assertThat(readAll(broker.bootstrapServers(), 2)).containsExactly("first", "second");
        }
        try (EmbeddedBroker again = EmbeddedBroker.start(port, dir)) {
            assertThat(again.clusterId()).isEqualTo(clusterId);
            produce(again.bootstrapServers(), "third");
            assertThat(readAll(again.bootstrapServers(), 3)).containsExactly("first", "second", "third");
        }
    }

    @Test
    void refusesAPortThatIsAlreadyTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> EmbeddedBroker.start(port, temp.resolve("kafka")))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("port " + port + " is already in use on 127.0.0.1");
        }
    }

    @Test
    void refusesADataDirThatIsAFile() throws IOException {
        Path file = Files.writeString(temp.resolve("plain.txt"), "not a directory", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EmbeddedBroker.start(0, file))
                .isInstanceOf(ConfigException.class)
                .hasMessage("broker data dir " + file + " is a file, not a directory");
    }

    @Test
    void refusesADataDirFormattedForAnotherNode() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("other"));
        Files.writeString(dir.resolve("meta.properties"), "version=1\nnode.id=7\ncluster.id=abc\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EmbeddedBroker.start(0, dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("was formatted by another Kafka cluster (node.id 7, cluster.id abc)");
    }

    @Test
    void refusesANonEmptyDirectoryWithoutKafkaData() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("photos"));
        Files.writeString(dir.resolve("holiday.jpg"), "pretend", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EmbeddedBroker.start(0, dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("is not empty and holds no Kafka data; use an empty or new directory");
    }

    private static void produce(String bootstrap, String... values) throws ExecutionException, InterruptedException {
        Map<String, Object> props = Map.of("bootstrap.servers", bootstrap);
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>("notes", value)).get();
            }
        }
    }

    private static List<String> readAll(String bootstrap, int expected) {
        Map<String, Object> props = Map.of("bootstrap.servers", bootstrap);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition("notes", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            for (int polls = 0; polls < 100 && values.size() < expected; polls++) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
