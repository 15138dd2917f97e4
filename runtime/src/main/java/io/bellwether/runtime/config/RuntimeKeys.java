package io.bellwether.runtime.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The configuration keys every Bellwether service shares: where Kafka is, where the HTTP endpoint listens,
 * where Streams keeps state and how topics are created. Services add their own keys with {@link ConfigDef#plus}.
 */
public final class RuntimeKeys {
    public static final ConfigKey<String> BOOTSTRAP_SERVERS = ConfigKey.of("bootstrap.servers",
            ValueType.hostPorts(), "localhost:9092", "Kafka brokers to connect to");
    public static final ConfigKey<String> HTTP_HOST = ConfigKey.of("http.host", ValueType.text(), "127.0.0.1",
            "address the /health, /metrics and /api HTTP endpoint binds to (0.0.0.0 for all interfaces)");
    public static final ConfigKey<Integer> HTTP_PORT = ConfigKey.of("http.port", ValueType.integer(0, 65535), 8080,
            "port of the HTTP endpoint; 0 picks a free one");
    public static final ConfigKey<Path> STATE_DIR = ConfigKey.of("state.dir", ValueType.path(),
            Path.of(System.getProperty("java.io.tmpdir"), "bellwether-state"),
            "directory for Kafka Streams state stores");
    public static final ConfigKey<Integer> STREAMS_THREADS = ConfigKey.of("streams.threads",
            ValueType.integer(1, 256), Runtime.getRuntime().availableProcessors(),
            "Kafka Streams threads per instance (num.stream.threads); defaults to the number of processors");
    public static final ConfigKey<Integer> TOPICS_PARTITIONS = ConfigKey.of("topics.partitions",
            ValueType.integer(0, 10_000), 0,
            "partitions of topics created by Bellwether; 0 keeps each catalog topic's own default");
    public static final ConfigKey<Integer> TOPICS_REPLICATION = ConfigKey.of("topics.replication",
            ValueType.integer(1, 32), 1,
            "replication factor of created topics and of Kafka Streams internal topics");
    public static final ConfigKey<Integer> TOPICS_MIN_INSYNC_REPLICAS = ConfigKey.of("topics.min-insync-replicas",
            ValueType.integer(0, 32), 0,
            "min.insync.replicas of created topics and of Kafka Streams internal topics; 0 = topics.replication"
                    + " minus one, at least 1 (replication 3 gives 2)");

    public static final ConfigKey<Duration> INPUT_HELD_AFTER = ConfigKey.of("input.held-after",
            ValueType.duration(), Duration.ofMinutes(16),
            "how long an input partition may stay held at one offset by an open transaction before the service says"
                    + " so (log line, gauge, /health detail); longer than the broker's transaction.max.timeout.ms"
                    + " (15 min by default); PT0S turns the watch off");

    private RuntimeKeys() {
    }

    /** The keys above plus {@link SchemaRegistryKeys#SCHEMA_REGISTRY_URL}, which every service reads too. */
    public static List<ConfigKey<?>> all() {
        return List.of(BOOTSTRAP_SERVERS, HTTP_HOST, HTTP_PORT, STATE_DIR, STREAMS_THREADS, TOPICS_PARTITIONS,
                TOPICS_REPLICATION, TOPICS_MIN_INSYNC_REPLICAS, INPUT_HELD_AFTER, SchemaRegistryKeys.SCHEMA_REGISTRY_URL);
    }

    /** A definition holding just the common keys. */
    public static ConfigDef definition() {
        return new ConfigDef(all());
    }
}
