package io.bellwether.schemas;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent wire format (magic byte 0, 4-byte schema id, Avro binary) for one generated record class, with the
 * schema registered in and looked up from an Apicurio Registry by Apicurio's serdes (subject {@code TOPIC-value},
 * id = the content id its {@code /apis/ccompat/v7} API serves). Bad bytes raise a {@link SerializationException}
 * naming the topic and what was found.
 */
public final class RegistryAvroSerde<T extends SpecificRecord> extends RecordSerde<T> {
    static final String CORE_API = "/apis/registry/v3";
    private static final int HEADER = 5;

    private final URI registry;
    private final AvroKafkaSerializer<T> serializer = new AvroKafkaSerializer<>();
    private final AvroKafkaDeserializer<T> deserializer = new AvroKafkaDeserializer<>();

    /** {@code registry} is the registry's base address, e.g. {@code http://registry:8080}. */
    public RegistryAvroSerde(Class<T> type, URI registry) {
        super(type);
        this.registry = registry;
        Map<String, Object> config = Map.of(
                "apicurio.registry.url", coreApi(registry),
                "apicurio.registry.auto-register", true,
                "apicurio.registry.use-specific-avro-reader", true,
                // One self-contained schema per subject; else nested records become references many clients lack.
                "apicurio.registry.dereference-schema", true,
                // Ids go in the payload, never in headers: other clients only know the wire format.
                "apicurio.registry.headers.enabled", false,
                "apicurio.registry.use-id", "contentId",
                "apicurio.registry.http.adapter", "JDK");
        serializer.configure(config, false);
        deserializer.configure(config, false);
    }

    public URI registry() {
        return registry;
    }

    @Override
    byte[] encode(String topic, T record) {
        try {
            return serializer.serialize(topic, record);
        } catch (RuntimeException e) {
            throw new SerializationException("cannot encode " + type().getSimpleName() + " for topic " + topic
                    + " with schema registry " + registry + ": " + rootMessage(e), e);
        }
    }

    @Override
    T decode(String topic, byte[] data) {
        String problem = WireFormat.problem(data);
        if (problem != null) {
            throw new SerializationException(prefix(topic) + problem);
        }
        Object value;
        try {
            value = deserializer.deserialize(topic, data);
        } catch (RuntimeException e) {
            throw new SerializationException(prefix(topic) + "schema id " + WireFormat.schemaId(data)
                    + " could not be resolved or applied by schema registry " + registry + ": " + rootMessage(e), e);
        }
        if (!type().isInstance(value)) {
            throw new SerializationException(prefix(topic) + "schema id " + WireFormat.schemaId(data) + " is a "
                    + (value instanceof SpecificRecord found ? found.getSchema().getFullName() : String.valueOf(value))
                    + ", not " + type().getName());
        }
        return type().cast(value);
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }

    private String prefix(String topic) {
        return "cannot decode " + type().getSimpleName() + " from topic " + topic + ": ";
    }

    static String coreApi(URI registry) {
        String base = registry.toString().replaceAll("/+$", "");
        return base.endsWith(CORE_API) ? base : base + CORE_API;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /** Checks of the 5-byte Confluent header, so bad bytes are named before the registry is asked. */
    static final class WireFormat {
        private WireFormat() {
        }

        /** What is wrong with the header, or null when it looks like the Confluent wire format. */
        static String problem(byte[] data) {
            if (data.length >= 2 && (data[0] & 0xff) == 0xc3 && data[1] == 0x01) {
                return "found Avro single-object encoding (marker c3 01), not the Confluent wire format;"
                        + " this topic was written without schema.registry.url";
            }
            if (data.length > 0 && data[0] != 0) {
                return String.format("magic byte 0x%02x is not the Confluent wire format (0x00); first bytes %s",
                        data[0], AvroSerde.headOf(data));
            }
            if (data.length < HEADER) {
                return data.length + " bytes are too short for the Confluent wire format"
                        + " (magic byte 0, 4-byte schema id, Avro body); first bytes " + AvroSerde.headOf(data);
            }
            return null;
        }

        static int schemaId(byte[] data) {
            return ByteBuffer.wrap(data, 1, 4).getInt();
        }
    }
}
