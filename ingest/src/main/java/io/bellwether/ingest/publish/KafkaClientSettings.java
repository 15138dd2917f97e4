package io.bellwether.ingest.publish;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Derives ingest's Kafka client settings from the caller's properties (bootstrap servers, security): the
 * producer is always idempotent, transactional and {@code acks=all}, the dedup reader always
 * {@code read_committed}. Settings that contradict this are refused rather than silently overridden.
 */
public final class KafkaClientSettings {
    /** Short enough that an unreachable broker is reported within seconds, not after the default minute. */
    static final String DEFAULT_MAX_BLOCK_MS = "10000";

    public Properties producer(Properties base, String transactionalId) {
        refuse(base, ProducerConfig.ACKS_CONFIG, "all", "-1");
        refuse(base, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        Properties props = copy(base);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, DEFAULT_MAX_BLOCK_MS);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    public Properties seenReader(Properties base) {
        refuse(base, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Properties props = copy(base);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    private static void refuse(Properties base, String key, String... allowed) {
        Object value = base.get(key);
        if (value == null) {
            return;
        }
        for (String ok : allowed) {
            if (ok.equalsIgnoreCase(value.toString().strip())) {
                return;
            }
        }
        throw new IllegalArgumentException("ingest requires " + key + "=" + allowed[0] + " (exactly-once "
                + "publishing), but the Kafka config sets " + key + "=" + value);
    }

    private static Properties copy(Properties base) {
        Properties props = new Properties();
        base.stringPropertyNames().forEach(name -> props.put(name, base.getProperty(name)));
        base.forEach(props::putIfAbsent);
        return props;
    }
}
