package io.bellwether.aggregate.tally;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for {@link NarrativeTally} in the window stores and their changelogs: internal state, not part of the public
 * topic contract. It writes the binary form of {@link TallyCodec} and reads that and the JSON form that versions
 * before it wrote, so a changelog written by an older version still restores.
 */
public final class TallySerde implements Serde<NarrativeTally>, Serializer<NarrativeTally>,
        Deserializer<NarrativeTally> {
    /** Reads the JSON form of earlier versions. */
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public byte[] serialize(String topic, NarrativeTally tally) {
        if (tally == null) {
            return null;
        }
        return TallyCodec.encode(tally);
    }

    @Override
    public NarrativeTally deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return data.length > 0 && data[0] == '{' ? json.readValue(data, NarrativeTally.class)
                    : TallyCodec.decode(data);
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
