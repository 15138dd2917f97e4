package io.bellwether.schemas;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * One topic of the public contract: its name, the serdes of its key and value, and how it is created.
 *
 * @param retentionMs -1 keeps records forever
 */
public record Topic<K, V>(
        String name,
        Serde<K> keySerde,
        Serde<V> valueSerde,
        int partitions,
        String cleanupPolicy,
        long retentionMs,
        String description) {

    /** The topic config that says whose clock a record's timestamp is. */
    public static final String TIMESTAMP_TYPE = "message.timestamp.type";

    /**
     * Broker-side topic configs used when the topic is created. A topic with a time limit stamps its records with
     * the append time: the stages forward the article's event time, and the broker would otherwise delete at once a
     * dead letter of an article published more than the retention ago (a backfill, a replay of last year).
     */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("cleanup.policy", cleanupPolicy);
        configs.put("retention.ms", Long.toString(retentionMs));
        if (retentionMs >= 0) {
            configs.put(TIMESTAMP_TYPE, "LogAppendTime");
        }
        return Map.copyOf(configs);
    }

    /** The same topic under another name, e.g. the {@code .NAME}-suffixed output of a replay. */
    public Topic<K, V> renamed(String newName) {
        return new Topic<>(newName, keySerde, valueSerde, partitions, cleanupPolicy, retentionMs, description);
    }

    /** The same topic with another {@code cleanup.policy}, e.g. {@code delete} for a replay that keeps every record. */
    public Topic<K, V> withCleanupPolicy(String policy) {
        return new Topic<>(name, keySerde, valueSerde, partitions, policy, retentionMs, description);
    }
}
