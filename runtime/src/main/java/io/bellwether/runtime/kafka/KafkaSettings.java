package io.bellwether.runtime.kafka;

import io.bellwether.runtime.config.ConfigException;
import io.bellwether.runtime.config.ConfigSources;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * The one place Kafka client {@link Properties} are built from resolved {@link Settings}, at the Kafka boundary
 * only. Each client gets Bellwether's defaults, then the {@code kafka.*} passthrough (security, tuning), which wins
 * except where it would break exactly-once: a producer is always idempotent with {@code acks=all}, a reader always
 * {@code read_committed}; a passthrough that contradicts this is refused with a {@link ConfigException}.
 */
public final class KafkaSettings {
    /**
     * How long a producer call ({@code send}, {@code commitTransaction}) blocks on an unreachable broker before it
     * fails: short, so a caller that retries (ingest's broker retry) says "broker unreachable" within seconds. A
     * {@code kafka.max.block.ms} passthrough wins.
     */
    public static final Duration MAX_BLOCK = Duration.ofSeconds(10);

    private final Settings settings;

    public KafkaSettings(Settings settings) {
        this.settings = settings;
    }

    /** Settings of the runtime keys only, e.g. {@code bootstrap.servers}: for tools and tests. */
    public static KafkaSettings of(Map<String, String> values) {
        return new KafkaSettings(RuntimeKeys.definition().resolve(ConfigSources.flagsOnly(values)));
    }

    public String bootstrapServers() {
        return settings.get(RuntimeKeys.BOOTSTRAP_SERVERS);
    }

    /** An idempotent, {@code acks=all} producer; transactional when {@code transactionalId} is not null. */
    public Properties producer(String transactionalId) {
        refuse("acks", "all", "-1");
        refuse("enable.idempotence", "true");
        Properties props = common();
        props.put("max.block.ms", Long.toString(MAX_BLOCK.toMillis()));
        props = withOverrides(props);
        props.put("enable.idempotence", "true");
        props.put("acks", "all");
        if (transactionalId != null) {
            props.put("transactional.id", transactionalId);
        }
        return props;
    }

    /** A group consumer reading only committed records, offsets committed by the application. */
    public Properties consumer(String groupId) {
        Properties props = committedReader();
        props.put("group.id", groupId);
        return props;
    }

    /** A group-less consumer (manual assignment) reading only committed records, e.g. for tailing a topic. */
    public Properties reader() {
        Properties props = committedReader();
        props.remove("group.id");
        return props;
    }

    private Properties committedReader() {
        refuse("isolation.level", "read_committed");
        Properties props = common();
        props.put("enable.auto.commit", "false");
        props.put("auto.offset.reset", "earliest");
        props = withOverrides(props);
        props.put("isolation.level", "read_committed");
        return props;
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

    /** A passthrough that would break exactly-once is a config error, never silently replaced. */
    private void refuse(String key, String... allowed) {
        String value = settings.kafkaOverrides().get(key);
        if (value == null) {
            return;
        }
        for (String ok : allowed) {
            if (ok.equalsIgnoreCase(value.strip())) {
                return;
            }
        }
        throw new ConfigException("invalid value '" + value + "' for kafka." + key + ": Bellwether requires " + key
                + "=" + allowed[0] + " (exactly-once)");
    }

    private Properties withOverrides(Properties props) {
        props.putAll(settings.kafkaOverrides());
        return props;
    }
}
