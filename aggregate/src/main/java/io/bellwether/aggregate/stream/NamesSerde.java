package io.bellwether.aggregate.stream;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A list of names as a count and length-prefixed UTF-8 strings: the entities a story pane holds. */
final class NamesSerde implements Serde<List<String>> {
    @Override
    public Serializer<List<String>> serializer() {
        return (topic, names) -> {
            if (names == null) {
                return null;
            }
            List<byte[]> encoded = new ArrayList<>(names.size());
            int size = Integer.BYTES;
            for (String name : names) {
                byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
                encoded.add(bytes);
                size += Integer.BYTES + bytes.length;
            }
            ByteBuffer out = ByteBuffer.allocate(size).putInt(encoded.size());
            encoded.forEach(bytes -> out.putInt(bytes.length).put(bytes));
            return out.array();
        };
    }

    @Override
    public Deserializer<List<String>> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                ByteBuffer in = ByteBuffer.wrap(data);
                int count = in.getInt();
                if (count < 0 || count > in.remaining() / Integer.BYTES) {
                    throw new SerializationException("cannot decode story entities from " + topic + ": " + count
                            + " names in " + data.length + " bytes");
                }
                List<String> names = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    int length = in.getInt();
                    if (length < 0 || length > in.remaining()) {
                        throw new SerializationException("cannot decode story entities from " + topic
                                + ": a name of " + length + " bytes with " + in.remaining() + " left");
                    }
                    names.add(new String(data, in.position(), length, StandardCharsets.UTF_8));
                    in.position(in.position() + length);
                }
                if (in.hasRemaining()) {
                    throw new SerializationException("cannot decode story entities from " + topic + ": "
                            + in.remaining() + " bytes left");
                }
                return names;
            } catch (BufferUnderflowException e) {
                throw new SerializationException("cannot decode story entities from " + topic + ": "
                        + data.length + " bytes end early", e);
            }
        };
    }
}
