package io.bellwether.schemas;

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

    /** Broker-side topic configs used when the topic is created. */
    public Map<String, String> configs() {
        return Map.of("cleanup.policy", cleanupPolicy, "retention.ms", Long.toString(retentionMs));
    }

    /** The same topic under another name, e.g. the {@code .NAME}-suffixed output of a replay. */
    public Topic<K, V> renamed(String newName) {
        return new Topic<>(newName, keySerde, valueSerde, partitions, cleanupPolicy, retentionMs, description);
    }
}
