package io.bellwether.schemas;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Avro single-object encoding (marker, 8-byte schema fingerprint, binary body) for one generated record class.
 * No registry: the writer schema is found by fingerprint among the current and released schemas in this jar.
 * Bytes that cannot be decoded raise a {@link SerializationException} naming the topic and what was found.
 */
public final class AvroSerde<T extends SpecificRecord> extends RecordSerde<T> {
    private final Schema schema;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    public AvroSerde(Class<T> type) {
        super(type);
        SpecificData model = SpecificData.getForClass(type);
        this.schema = model.getSchema(type);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        SchemaStore.Cache store = new SchemaStore.Cache();
        SchemaVersions.released(schema.getName()).forEach(store::addSchema);
        this.decoder = new BinaryMessageDecoder<>(model, schema, store);
    }

    public Schema schema() {
        return schema;
    }

    @Override
    byte[] encode(String topic, T record) {
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
            throw new SerializationException("cannot encode " + type().getSimpleName() + " for topic " + topic
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    T decode(String topic, byte[] data) {
        try {
            return decoder.decode(data);
        } catch (MissingSchemaException e) {
            throw new SerializationException("cannot decode " + type().getSimpleName() + " from topic " + topic
                    + ": unknown schema fingerprint " + fingerprintOf(data) + " (not a known version of "
                    + schema.getFullName() + ")", e);
        } catch (BadHeaderException e) {
            throw new SerializationException("cannot decode " + type().getSimpleName() + " from topic " + topic
                    + ": not Avro single-object encoding (" + e.getMessage() + "; first bytes " + headOf(data) + ")", e);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode " + type().getSimpleName() + " from topic " + topic
                    + ": corrupt Avro body of " + data.length + " bytes (" + e + ")", e);
        }
    }

    /** The 64-bit fingerprint this serde writes, as hex. */
    public String fingerprint() {
        return Long.toHexString(SchemaNormalization.parsingFingerprint64(schema));
    }

    private static String fingerprintOf(byte[] data) {
        if (data.length < 10) {
            return "(header too short)";
        }
        long fingerprint = ByteBuffer.wrap(data, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        return Long.toHexString(fingerprint);
    }

    /** Up to the first ten bytes as hex, for error messages. */
    static String headOf(byte[] data) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(data.length, 10); i++) {
            hex.append(String.format("%02x", data[i]));
        }
        return hex.length() == 0 ? "(empty)" : hex.toString();
    }
}
