package io.bellwether.schemas;

import io.bellwether.schemas.ConfluentRegistryClient.RegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent wire format (magic byte 0, 4-byte schema id, Avro binary) for one generated record class, with the
 * schema registered and looked up through the Confluent-compatible REST API, so any such registry serves (subject
 * {@code TOPIC-value}, Confluent's topic-name strategy; ids are the ones that API serves, which foreign consumers
 * resolve). Bad bytes and registry failures raise a {@link SerializationException} naming the topic and the cause.
 *
 * <p>This replaces the Apicurio serdes used before: they register through Apicurio's native API only, so producers
 * could not run against Confluent Schema Registry, Karapace or Redpanda, and they brought Vert.x and Kiota into
 * every service. Apicurio Registry still works, through its {@code /apis/ccompat/v7} endpoint.
 */
public final class RegistryAvroSerde<T extends SpecificRecord> extends RecordSerde<T> {
    private static final int HEADER = 5;

    private final ConfluentRegistryClient registry;
    private final SpecificData model;
    private final Schema schema;
    private final SpecificDatumWriter<T> writer;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    /** {@code registry} is the base of the registry's Confluent-compatible API, e.g. {@code http://registry:8081}. */
    public RegistryAvroSerde(Class<T> type, URI registry) {
        this(type, new ConfluentRegistryClient(registry));
    }

    RegistryAvroSerde(Class<T> type, ConfluentRegistryClient registry) {
        super(type);
        this.registry = registry;
        this.model = SpecificData.getForClass(type);
        this.schema = model.getSchema(type);
        this.writer = new SpecificDatumWriter<>(schema, model);
    }

    public URI registry() {
        return URI.create(registry.url());
    }

    @Override
    byte[] encode(String topic, T record) {
        try {
            int id = registry.register(topic + "-value", schema);
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(0);
            out.write(ByteBuffer.allocate(4).putInt(id).array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer.write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (RegistryException | IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
            throw new SerializationException("cannot encode " + type().getSimpleName() + " for topic " + topic
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    T decode(String topic, byte[] data) {
        String problem = WireFormat.problem(data);
        if (problem != null) {
            throw new SerializationException(prefix(topic) + problem);
        }
        int id = WireFormat.schemaId(data);
        DatumReader<T> reader = readers.get(id);
        if (reader == null) {
            try {
                reader = readerFor(id);
            } catch (RegistryException e) {
                throw new SerializationException(prefix(topic) + e.getMessage(), e);
            }
            readers.putIfAbsent(id, reader);
        }
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(data, HEADER, data.length - HEADER, null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(prefix(topic) + "schema id " + id + ": corrupt Avro body of "
                    + (data.length - HEADER) + " bytes (" + e + ")", e);
        }
    }

    /** A reader from the writer schema under {@code id} to ours; only a record of our name can resolve. */
    private DatumReader<T> readerFor(int id) {
        Schema written = registry.schema(id);
        if (!written.getFullName().equals(schema.getFullName())) {
            throw new RegistryException("schema id " + id + " is a " + written.getFullName() + ", not "
                    + schema.getFullName());
        }
        return new SpecificDatumReader<>(written, schema, model);
    }

    private String prefix(String topic) {
        return "cannot decode " + type().getSimpleName() + " from topic " + topic + ": ";
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
