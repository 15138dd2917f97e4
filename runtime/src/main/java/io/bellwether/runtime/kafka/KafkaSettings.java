package io.bellwether.runtime.kafka;

import io.bellwether.runtime.config.ConfigException;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.Settings;
import java.time.Duration;
import java.util.Properties;

/**
 * Builds Kafka client {@link Properties} from resolved {@link Settings}, at the Kafka boundary only. Each client
 * gets Bellwether's safe defaults (idempotent {@code acks=all} producers, {@code read_committed} consumers,
 * {@code exactly_once_v2} Streams), then the {@code kafka.*} passthrough, which wins (security, tuning).
 */
public final class KafkaSettings {
    /**
     * How long a producer keeps retrying a record before failing it: long enough to ride out a broker restart
     * or a leader election of several minutes without losing or duplicating records (idempotence keeps the
     * retries exactly-once). Past it the send fails and the service reports the error.
     */
    public static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(10);

    private final Settings settings;

    public KafkaSettings(Settings settings) {
        this.settings = settings;
    }

    public String bootstrapServers() {
        return settings.get(RuntimeKeys.BOOTSTRAP_SERVERS);
    }

    /** An idempotent, {@code acks=all} producer; transactional when {@code transactionalId} is not null. */
    public Properties producer(String transactionalId) {
        Properties props = common();
        props.put("enable.idempotence", "true");
        props.put("acks", "all");
        props.put("delivery.timeout.ms", Long.toString(DELIVERY_TIMEOUT.toMillis()));
        props.put("max.block.ms", Long.toString(DELIVERY_TIMEOUT.toMillis()));
        if (transactionalId != null) {
            props.put("transactional.id", transactionalId);
        }
        return withOverrides(props);
    }

    /** A group consumer reading only committed records, offsets committed by the application. */
    public Properties consumer(String groupId) {
        Properties props = reader();
        props.put("group.id", groupId);
        return withOverrides(props);
    }

    /** A group-less consumer (manual assignment) reading only committed records, e.g. for tailing a topic. */
    public Properties reader() {
        Properties props = common();
        props.put("isolation.level", "read_committed");
        props.put("enable.auto.commit", "false");
        props.put("auto.offset.reset", "earliest");
        return withOverrides(props);
    }

    /** Kafka Streams with exactly-once v2, state under {@code state.dir/applicationId}. */
    public Properties streams(String applicationId) {
        Properties props = common();
        props.put("application.id", applicationId);
        props.put("processing.guarantee", "exactly_once_v2");
        props.put("state.dir", settings.get(RuntimeKeys.STATE_DIR).toString());
        props.put("num.stream.threads", Integer.toString(settings.get(RuntimeKeys.STREAMS_THREADS)));
        props.put("replication.factor", Integer.toString(replication()));
        if (replication() > 1) {
            props.put("topic.min.insync.replicas", Integer.toString(minInsyncReplicas()));
        }
        // Our topologies have no global stores; opting in now silences Kafka 4.x's deprecation warning.
        props.put("processing.exception.handler.global.enabled", "true");
        return withOverrides(props);
    }

    /** {@code topics.replication}: replicas of created topics and of Streams internal topics. */
    public int replication() {
        return settings.get(RuntimeKeys.TOPICS_REPLICATION);
    }

    /**
     * {@code topics.min-insync-replicas}, or when 0 one less than the replication (at least 1): with
     * {@code acks=all} a write then survives the loss of any one replica and still has a second copy.
     *
     * @throws ConfigException when it exceeds the replication, which would make every write fail
     */
    public int minInsyncReplicas() {
        int configured = settings.get(RuntimeKeys.TOPICS_MIN_INSYNC_REPLICAS);
        if (configured > replication()) {
            throw new ConfigException("invalid value '" + configured + "' for "
                    + RuntimeKeys.TOPICS_MIN_INSYNC_REPLICAS.name() + ": must not exceed topics.replication ("
                    + replication() + ")");
        }
        return configured > 0 ? configured : Math.max(1, replication() - 1);
    }

    public Properties admin() {
        return withOverrides(common());
    }

    private Properties common() {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers());
        return props;
    }

    private Properties withOverrides(Properties props) {
        props.putAll(settings.kafkaOverrides());
        return props;
    }
}
