package io.bellwether.aggregate.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.bellwether.schemas.AvroJson;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.avro.generic.IndexedRecord;

/** Avro records as JSON trees, with the field names of the topics (timestamps as ISO-8601). */
final class RecordJson {
    private final ObjectMapper json;
    private final AvroJson avro = new AvroJson();

    RecordJson(ObjectMapper json) {
        this.json = json;
    }

    JsonNode tree(IndexedRecord record) {
        try {
            return json.readTree(avro.write(record));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    ArrayNode array(List<? extends IndexedRecord> records) {
        ArrayNode array = json.createArrayNode();
        records.forEach(record -> array.add(tree(record)));
        return array;
    }
}
