package io.bellwether.replay;

import io.bellwether.schemas.AvroJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificDatumWriter;

/** Decoded records in, one export file out; {@link #close()} finishes the file. */
sealed interface ExportWriter extends AutoCloseable {

    void write(IndexedRecord record) throws IOException;

    @Override
    void close() throws IOException;

    static ExportWriter open(ExportFormat format, Schema schema, OutputStream out) throws IOException {
        return switch (format) {
            case JSONL -> new JsonLines(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
            case AVRO -> new AvroContainer(schema, out);
        };
    }

    /** One plain JSON object per line, newline-terminated. */
    final class JsonLines implements ExportWriter {
        private final AvroJson json = new AvroJson();
        private final BufferedWriter out;

        JsonLines(BufferedWriter out) {
            this.out = out;
        }

        @Override
        public void write(IndexedRecord record) throws IOException {
            out.write(json.write(record));
            out.write('\n');
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** An Avro object container file, deflate-compressed, schema in the header. */
    final class AvroContainer implements ExportWriter {
        private final DataFileWriter<IndexedRecord> file;

        AvroContainer(Schema schema, OutputStream out) throws IOException {
            this.file = new DataFileWriter<>(new SpecificDatumWriter<IndexedRecord>(schema));
            file.setCodec(CodecFactory.deflateCodec(6));
            file.create(schema, out);
        }

        @Override
        public void write(IndexedRecord record) throws IOException {
            file.append(record);
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
