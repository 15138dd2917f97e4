package io.bellwether.replay;

import io.bellwether.runtime.config.ConfigException;
import io.bellwether.schemas.Topic;
import io.bellwether.schemas.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Exports the committed records of a catalog topic in a time range to a file: topic, range and format in, a JSON
 * Lines or Avro container file and the counts out. Records whose value does not decode are counted, not written.
 */
public final class RangeExport {
    private final RangeReader reader;
    private final Topics catalog;

    public RangeExport(Properties readerProperties, Topics catalog) {
        this.reader = new RangeReader(readerProperties);
        this.catalog = catalog;
    }

    /** What an export wrote and skipped. */
    public record Result(long written, long undecodable) {
    }

    /**
     * @throws ConfigException when the topic is not in the catalog or its values are not Avro records
     */
    public Result export(String topicName, TimeRange range, ExportFormat format, Path out,
                         Consumer<ScanProgress> progress) throws IOException {
        Topic<String, ?> topic = catalog.byName(topicName).orElseThrow(() -> new ConfigException(
                "unknown topic '" + topicName + "': export reads catalog topics (replay outputs add .SUFFIX)"));
        Schema schema = ValueSchemas.of(topic.name()).orElseThrow(() -> new ConfigException(
                "topic " + topicName + " has no Avro values to export"));
        long[] counts = new long[2];
        try (OutputStream file = Files.newOutputStream(out);
             ExportWriter writer = ExportWriter.open(format, schema, file)) {
            reader.read(topic.name(), range, record -> write(topic, record, writer, counts), progress);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Result(counts[0], counts[1]);
    }

    private static void write(Topic<String, ?> topic, ConsumerRecord<byte[], byte[]> record, ExportWriter writer,
                              long[] counts) {
        Object value;
        try {
            value = topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
        } catch (SerializationException e) {
            counts[1]++;
            return;
        }
        try {
            writer.write((IndexedRecord) value);
            counts[0]++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
