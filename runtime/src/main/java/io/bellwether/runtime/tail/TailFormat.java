package io.bellwether.runtime.tail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.bellwether.schemas.AvroJson;
import io.bellwether.schemas.Topic;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Renders one raw record of a catalog topic as a JSON line:
 * {@code {"topic":..,"partition":..,"offset":..,"timestamp":"ISO-8601","key":..,"value":{..}}}. A record whose
 * key or value cannot be decoded gets {@code "error"} (and the value's {@code "size"}) instead of a value.
 */
final class TailFormat {
    private final JsonFactory factory = new JsonFactory();
    private final AvroJson avroJson = new AvroJson();

    String line(Topic<?, ?> topic, ConsumerRecord<byte[], byte[]> record) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("topic", record.topic());
            json.writeNumberField("partition", record.partition());
            json.writeNumberField("offset", record.offset());
            json.writeStringField("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
            writeBody(json, topic, record);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private void writeBody(JsonGenerator json, Topic<?, ?> topic, ConsumerRecord<byte[], byte[]> record)
            throws IOException {
        Object key;
        Object value;
        try {
            key = topic.keySerde().deserializer().deserialize(record.topic(), record.key());
            value = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            json.writeStringField("error", e.getClass().getSimpleName() + ": " + e.getMessage());
            json.writeNumberField("size", record.value() == null ? 0 : record.value().length);
            return;
        }
        writeValue(json, "key", key);
        writeValue(json, "value", value);
    }

    private void writeValue(JsonGenerator json, String field, Object value) throws IOException {
        json.writeFieldName(field);
        if (value == null) {
            json.writeNull();
        } else if (value instanceof IndexedRecord avro) {
            json.writeRawValue(avroJson.write(avro));
        } else {
            json.writeString(value.toString());
        }
    }
}
