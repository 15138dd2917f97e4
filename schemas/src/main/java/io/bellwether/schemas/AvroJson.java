package io.bellwether.schemas;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Renders an Avro record as plain JSON for people and scripts: unions unwrapped, timestamps as ISO-8601
 * strings, bytes as base64. (Avro's own JSON encoding wraps unions, which few tools expect.)
 */
public final class AvroJson {
    private final JsonFactory factory = new JsonFactory();

    public String write(IndexedRecord record) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = factory.createGenerator(out)) {
            writeRecord(json, record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private void writeRecord(JsonGenerator json, IndexedRecord record) throws IOException {
        json.writeStartObject();
        for (Schema.Field field : record.getSchema().getFields()) {
            json.writeFieldName(field.name());
            writeValue(json, record.get(field.pos()));
        }
        json.writeEndObject();
    }

    private void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof IndexedRecord record) {
            writeRecord(json, record);
        } else if (value instanceof Collection<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                writeValue(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(entry.getKey().toString());
                writeValue(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Instant instant) {
            json.writeString(instant.toString());
        } else if (value instanceof ByteBuffer bytes) {
            ByteBuffer copy = bytes.duplicate();
            byte[] raw = new byte[copy.remaining()];
            copy.get(raw);
            json.writeString(Base64.getEncoder().encodeToString(raw));
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Double number) {
            writeDouble(json, number);
        } else if (value instanceof Float number) {
            writeDouble(json, number.doubleValue());
        } else {
            json.writeString(value.toString());
        }
    }

    private static void writeDouble(JsonGenerator json, double number) throws IOException {
        if (Double.isFinite(number)) {
            json.writeNumber(number);
        } else {
            json.writeString(Double.toString(number));
        }
    }
}
