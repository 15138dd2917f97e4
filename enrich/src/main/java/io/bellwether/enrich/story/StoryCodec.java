package io.bellwether.enrich.story;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Binary forms of the story records on the internal repartition topics and in the band store. Internal only
 * (never on a public topic), so a version byte and plain fields, not Avro; a record of another version fails
 * loudly instead of decoding into nonsense.
 */
public final class StoryCodec {
    static final byte VERSION = 1;

    private StoryCodec() {
    }

    public static Serde<StoryProbe> probes() {
        return Serdes.serdeFrom((topic, probe) -> probe == null ? null : write(out -> {
            out.writeInt(probe.band());
            out.writeUTF(probe.articleId());
            out.writeLong(probe.time());
            writeSignature(out, probe.signature());
        }), (topic, bytes) -> bytes == null ? null : read(bytes, in -> new StoryProbe(in.readInt(), in.readUTF(),
                in.readLong(), readSignature(in))));
    }

    /** A probe with the key its answer goes back to. */
    public static Serde<BandQuery> queries() {
        Serde<StoryProbe> probes = probes();
        return Serdes.serdeFrom((topic, query) -> query == null ? null : write(out -> {
            out.writeUTF(query.replyTo());
            byte[] probe = probes.serializer().serialize(topic, query.probe());
            out.writeInt(probe.length);
            out.write(probe);
        }), (topic, bytes) -> bytes == null ? null : read(bytes, in -> {
            String replyTo = in.readUTF();
            byte[] probe = new byte[in.readInt()];
            in.readFully(probe);
            return new BandQuery(replyTo, probes.deserializer().deserialize(topic, probe));
        }));
    }

    public static Serde<StoryAnswer> answers() {
        return Serdes.serdeFrom((topic, answer) -> answer == null ? null : write(out -> {
            out.writeUTF(answer.articleId());
            out.writeInt(answer.band());
            writeMatch(out, answer.match());
        }), (topic, bytes) -> bytes == null ? null : read(bytes, in -> new StoryAnswer(in.readUTF(), in.readInt(),
                readMatch(in))));
    }

    public static void writeMatch(DataOutputStream out, StoryMatch match) throws IOException {
        out.writeBoolean(match != null);
        if (match != null) {
            out.writeUTF(match.articleId());
            out.writeLong(match.time());
            out.writeDouble(match.similarity());
        }
    }

    public static StoryMatch readMatch(DataInputStream in) throws IOException {
        return in.readBoolean() ? new StoryMatch(in.readUTF(), in.readLong(), in.readDouble()) : null;
    }

    private static void writeSignature(DataOutputStream out, StorySignature signature) throws IOException {
        int[] mins = signature.mins();
        out.writeInt(signature.shingles());
        out.writeShort(mins.length);
        for (int min : mins) {
            out.writeInt(min);
        }
    }

    private static StorySignature readSignature(DataInputStream in) throws IOException {
        int shingles = in.readInt();
        int[] mins = new int[in.readUnsignedShort()];
        for (int i = 0; i < mins.length; i++) {
            mins[i] = in.readInt();
        }
        return new StorySignature(mins, shingles);
    }

    /** Writes a version byte, then what {@code body} writes. */
    public static byte[] write(Writer body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            body.write(out);
        } catch (IOException e) {
            throw new SerializationException("cannot encode a story record", e);
        }
        return bytes.toByteArray();
    }

    /** Checks the version byte, then reads with {@code body}. */
    public static <T> T read(byte[] bytes, Reader<T> body) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new SerializationException("story record of version " + version + ", expected " + VERSION);
            }
            return body.read(in);
        } catch (IOException e) {
            throw new SerializationException("cannot decode a story record of " + bytes.length + " bytes", e);
        }
    }

    /** Writes the fields of one record. */
    @FunctionalInterface
    public interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads the fields of one record. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }
}
