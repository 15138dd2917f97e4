package io.bellwether.runtime.testing;

import io.bellwether.schemas.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real KRaft cluster (Kafka's own {@link KafkaClusterTestKit}), one node or several, for integration tests,
 * with the few client chores the tests share: creating catalog topics, writing raw bytes, reading a topic
 * read_committed, stopping a broker of a cluster.
 */
public final class TestKafka implements AutoCloseable {
    private final KafkaClusterTestKit cluster;

    private TestKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** Formats and starts a one-broker cluster whose internal topics need a single replica. */
    public static TestKafka start() throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false")
                .build();
        return started(cluster);
    }

    /**
     * Formats and starts {@code brokers} brokers on loopback, node 0 also the single KRaft controller, with the
     * offsets and transaction state topics replicated to every broker and {@code min.insync.replicas} one less:
     * a cluster that keeps serving, transactions included, when one broker other than node 0 stops.
     */
    public static TestKafka startCluster(int brokers) throws Exception {
        String replicas = Integer.toString(brokers);
        String minInsync = Integer.toString(Math.max(1, brokers - 1));
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(brokers)
                .setNumControllerNodes(1)
                .build())
                .setConfigProp("offsets.topic.replication.factor", replicas)
                .setConfigProp("transaction.state.log.replication.factor", replicas)
                .setConfigProp("transaction.state.log.min.isr", minInsync)
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false")
                .build();
        return started(cluster);
    }

    private static TestKafka started(KafkaClusterTestKit cluster) throws Exception {
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new TestKafka(cluster);
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /**
     * Stops the broker, waits {@code down}, and starts it again on the same port and log directories: what a
     * broker restart looks like to clients.
     */
    public void restartBroker(Duration down) throws Exception {
        for (var broker : cluster.brokers().values()) {
            broker.shutdown();
            broker.awaitShutdown();
        }
        Thread.sleep(down.toMillis());
        for (var broker : cluster.brokers().values()) {
            broker.startup();
        }
        cluster.waitForReadyBrokers();
    }

    /** The node ids of the brokers, running or stopped. */
    public List<Integer> brokerIds() {
        return List.copyOf(cluster.brokers().keySet());
    }

    /** The node ids of the KRaft controllers (in a combined cluster also brokers). */
    public Set<Integer> controllerIds() {
        return Set.copyOf(cluster.controllers().keySet());
    }

    /** Stops one broker of the cluster and waits until it is down; the others keep serving. */
    public void stopBroker(int nodeId) {
        var broker = cluster.brokers().get(nodeId);
        broker.shutdown();
        broker.awaitShutdown();
    }

    /** Creates the given catalog topics with one replica and the catalog's partitions and configs. */
    public void createTopics(List<? extends Topic<?, ?>> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            List<NewTopic> creations = new ArrayList<>();
            for (Topic<?, ?> topic : topics) {
                creations.add(new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.configs()));
            }
            admin.createTopics(creations).all().get();
        }
    }

    /** Writes raw bytes, as a client that knows nothing of Bellwether's encoding would. */
    public void sendRaw(String topic, byte[] key, byte[] value) throws Exception {
        sendRaw(topic, key, value, null);
    }

    /** As {@link #sendRaw(String, byte[], byte[])} with the record timestamp (null = the producer's clock). */
    public void sendRaw(String topic, byte[] key, byte[] value, Long timestamp) throws Exception {
        sendRaw(topic, null, key, value, timestamp);
    }

    /** As {@link #sendRaw(String, byte[], byte[], Long)} into {@code partition} (null = the key's partition). */
    public void sendRaw(String topic, Integer partition, byte[] key, byte[] value, Long timestamp) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, partition, timestamp, key, value)).get();
        }
    }

    /**
     * Reads a topic from the beginning with {@code read_committed} until {@code expected} records arrived or
     * {@code timeout} passed, and decodes them with the topic's serdes.
     */
    public <K, V> List<ConsumerRecord<K, V>> read(Topic<K, V> topic, int expected, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic.name()));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> raw : consumer.poll(Duration.ofMillis(200))) {
                    records.add(decoded(topic, raw));
                }
            }
        }
        return records;
    }

    private static <K, V> ConsumerRecord<K, V> decoded(Topic<K, V> topic, ConsumerRecord<byte[], byte[]> raw) {
        K key = topic.keySerde().deserializer().deserialize(topic.name(), raw.key());
        V value = topic.valueSerde().deserializer().deserialize(topic.name(), raw.value());
        return new ConsumerRecord<>(raw.topic(), raw.partition(), raw.offset(), raw.timestamp(),
                raw.timestampType(), raw.serializedKeySize(), raw.serializedValueSize(), key, value,
                raw.headers(), raw.leaderEpoch());
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
