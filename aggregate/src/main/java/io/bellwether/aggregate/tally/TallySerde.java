package io.bellwether.aggregate.tally;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON serde for {@link NarrativeTally} in the window stores and their changelogs. Internal state, not part of
 * the public topic contract, so plain JSON (readable when debugging a changelog) is enough.
 */
public final class TallySerde implements Serde<NarrativeTally>, Serializer<NarrativeTally>,
        Deserializer<NarrativeTally> {
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public byte[] serialize(String topic, NarrativeTally tally) {
        if (tally == null) {
            return null;
        }
        try {
            return json.writeValueAsBytes(tally);
        } catch (IOException e) {
            throw new SerializationException("cannot encode tally for " + topic, e);
        }
    }

    @Override
    public NarrativeTally deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return json.readValue(data, NarrativeTally.class);
        } catch (IOException e) {
            throw new SerializationException("cannot decode tally from " + topic, e);
        }
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // Nothing to configure: the mapper is fixed.
    }

    @Override
    public void close() {
        // Holds nothing to release.
    }

    @Override
    public Serializer<NarrativeTally> serializer() {
        return this;
    }

    @Override
    public Deserializer<NarrativeTally> deserializer() {
        return this;
    }
}
