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
 * (never on a public topic), so a version byte and plain fields, not Avro; a record of an unknown version fails
 * loudly instead of decoding into nonsense. Probes in the band store and pending articles are at version 1.
 * Queries and answers are at version 2 (one record for all the bands an article sends to one partition); their
 * version 1 (one record per band, written before) still reads, so records in flight survive an upgrade.
 */
public final class StoryCodec {
    static final byte VERSION = 1;
    static final byte GROUPED = 2;

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

    /** A probe with the key its answer goes back to and the bands it asks about. */
    public static Serde<BandQuery> queries() {
        Serde<StoryProbe> probes = probes();
        return Serdes.serdeFrom((topic, query) -> query == null ? null : write(GROUPED, out -> {
            out.writeUTF(query.replyTo());
            out.writeLong(query.bands());
            byte[] probe = probes.serializer().serialize(topic, query.probe());
            out.writeInt(probe.length);
            out.write(probe);
        }), (topic, bytes) -> bytes == null ? null : readVersioned(bytes, (in, version) -> {
            String replyTo = in.readUTF();
            long bands = version == GROUPED ? in.readLong() : 0;
            byte[] probe = new byte[in.readInt()];
            in.readFully(probe);
            StoryProbe decoded = probes.deserializer().deserialize(topic, probe);
            return new BandQuery(replyTo, version == GROUPED ? bands : 1L << decoded.band(), decoded);
        }));
    }

    public static Serde<StoryAnswer> answers() {
        return Serdes.serdeFrom((topic, answer) -> answer == null ? null : write(GROUPED, out -> {
            out.writeUTF(answer.articleId());
            out.writeLong(answer.bands());
            writeMatch(out, answer.match());
        }), (topic, bytes) -> bytes == null ? null : readVersioned(bytes, (in, version) -> new StoryAnswer(in.readUTF(),
                version == GROUPED ? in.readLong() : 1L << in.readInt(), readMatch(in))));
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

    /** Writes version byte 1, then what {@code body} writes. */
    public static byte[] write(Writer body) {
        return write(VERSION, body);
    }

    static byte[] write(byte version, Writer body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(version);
            body.write(out);
        } catch (IOException e) {
            throw new SerializationException("cannot encode a story record", e);
        }
        return bytes.toByteArray();
    }

    /** Checks that the version byte is 1, then reads with {@code body}. */
    public static <T> T read(byte[] bytes, Reader<T> body) {
        return decode(bytes, VERSION, (in, version) -> body.read(in));
    }

    /** Reads a record of version 1 or 2 with {@code body}, which is told the version. */
    static <T> T readVersioned(byte[] bytes, VersionedReader<T> body) {
        return decode(bytes, GROUPED, body);
    }

    private static <T> T decode(byte[] bytes, byte newest, VersionedReader<T> body) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version < VERSION || version > newest) {
                throw new SerializationException("story record of version " + version + ", expected "
                        + (newest == VERSION ? String.valueOf(VERSION) : VERSION + ".." + newest));
            }
            return body.read(in, version);
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

    /** Reads the fields of a record of the version given. */
    @FunctionalInterface
    interface VersionedReader<T> {
        T read(DataInputStream in, byte version) throws IOException;
    }
}
