package io.bellwether.schemas;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the catalog's Avro value serdes share: one generated record class in and out, a serde that is its own
 * serializer and deserializer, configured by its constructor, with null passing through both ways.
 */
public abstract sealed class RecordSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T>
        permits AvroSerde, RegistryAvroSerde {
    private final Class<T> type;

    RecordSerde(Class<T> type) {
        this.type = type;
    }

    public final Class<T> type() {
        return type;
    }

    /** Encodes a non-null record, or throws a {@code SerializationException} naming the topic. */
    abstract byte[] encode(String topic, T record);

    /** Decodes non-null bytes, or throws a {@code SerializationException} naming the topic and what was found. */
    abstract T decode(String topic, byte[] data);

    @Override
    public final byte[] serialize(String topic, T record) {
        return record == null ? null : encode(topic, record);
    }

    @Override
    public final T deserialize(String topic, byte[] data) {
        return data == null ? null : decode(topic, data);
    }

    @Override
    public final Serializer<T> serializer() {
        return this;
    }

    @Override
    public final Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public final void configure(Map<String, ?> configs, boolean isKey) {
        // Configured by its constructor; Kafka's config map carries nothing for it.
    }

    @Override
    public void close() {
        // Nothing to release unless a subclass holds clients.
    }
}
