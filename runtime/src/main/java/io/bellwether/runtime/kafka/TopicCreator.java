package io.bellwether.runtime.kafka;

import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.Settings;
import io.bellwether.schemas.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates catalog topics with their catalog configs, the configured partitions (0 = each topic's catalog
 * default), replication and {@code min.insync.replicas}. Idempotent: a topic that exists is left as it is and reported as existing.
 */
public final class TopicCreator {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Properties admin;
    private final int partitions;
    private final short replication;
    private final int minInsyncReplicas;
    private final Duration timeout;

    /** Topics with more than one replica get {@code min.insync.replicas} one less (at least 1). */
    public TopicCreator(Properties adminProperties, int partitions, int replication, Duration timeout) {
        this(adminProperties, partitions, replication, Math.max(1, replication - 1), timeout);
    }

    /** As above with {@code min.insync.replicas}, set on each topic when {@code replication} is above 1. */
    public TopicCreator(Properties adminProperties, int partitions, int replication, int minInsyncReplicas,
                        Duration timeout) {
        this.minInsyncReplicas = minInsyncReplicas;
        this.admin = new Properties();
        this.admin.putAll(adminProperties);
        this.partitions = partitions;
        this.replication = (short) replication;
        this.timeout = timeout;
        String millis = Long.toString(timeout.toMillis());
        admin.putIfAbsent("default.api.timeout.ms", millis);
        admin.putIfAbsent("request.timeout.ms", millis);
    }

    /**
     * Uses {@code topics.partitions}, {@code topics.replication}, {@code topics.min-insync-replicas} and the
     * Kafka settings.
     */
    public static TopicCreator from(Settings settings) {
        KafkaSettings kafka = new KafkaSettings(settings);
        return new TopicCreator(kafka.admin(), settings.get(RuntimeKeys.TOPICS_PARTITIONS), kafka.replication(),
                kafka.minInsyncReplicas(), DEFAULT_TIMEOUT);
    }

    /**
     * Creates the topics that do not exist yet.
     *
     * @throws KafkaUnavailableException when the brokers cannot be reached within the timeout or refuse a topic
     */
    public TopicSummary create(List<? extends Topic<?, ?>> topics) {
        Map<String, NewTopic> wanted = new LinkedHashMap<>();
        for (Topic<?, ?> topic : topics) {
            int count = partitions > 0 ? partitions : topic.partitions();
            wanted.put(topic.name(), new NewTopic(topic.name(), count, replication).configs(configs(topic)));
        }
        try (Admin client = Admin.create(admin)) {
            CreateTopicsResult result = client.createTopics(wanted.values(),
                    new CreateTopicsOptions().timeoutMs((int) timeout.toMillis()));
            List<TopicOutcome> outcomes = new ArrayList<>();
            for (Map.Entry<String, KafkaFuture<Void>> entry : result.values().entrySet()) {
                NewTopic topic = wanted.get(entry.getKey());
                boolean created = awaitCreation(entry.getKey(), entry.getValue());
                outcomes.add(new TopicOutcome(topic.name(), created, topic.numPartitions(), replication));
            }
            return new TopicSummary(outcomes);
        } catch (KafkaException e) {
            throw new KafkaUnavailableException("cannot use Kafka at " + admin.get("bootstrap.servers") + ": "
                    + e.getMessage(), e);
        }
    }

    private Map<String, String> configs(Topic<?, ?> topic) {
        if (replication <= 1) {
            return topic.configs();
        }
        Map<String, String> configs = new LinkedHashMap<>(topic.configs());
        configs.put("min.insync.replicas", Integer.toString(minInsyncReplicas));
        return configs;
    }

    private boolean awaitCreation(String name, KafkaFuture<Void> future) {
        try {
            future.get();
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            if (e.getCause() instanceof TimeoutException) {
                throw new KafkaUnavailableException("cannot reach Kafka at " + admin.get("bootstrap.servers")
                        + " within " + timeout.toSeconds() + " s", e.getCause());
            }
            throw new KafkaUnavailableException("cannot create topic " + name + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while creating topic " + name, e);
        }
    }
}
