package io.bellwether.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bellwether.avro.EnrichedArticle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * {@code testing/sample-enriched.jsonl}, the sample corpus as enriched articles: what
 * {@code bellwether analyze corpus/sample} printed (plain JSON, one article a line), duplicates removed and sentence
 * lists emptied, read back into Avro records. Regenerate after an enrichment change with
 * {@code bin/bellwether analyze corpus/sample}, keeping the first record of each id; the aggregate's
 * {@code sample-finals.txt} is computed from it and must be written again then.
 */
public final class EnrichedSample {
    public static final String RESOURCE = "/testing/sample-enriched.jsonl";

    private EnrichedSample() {
    }

    /** The articles in file order (not sorted by publication time). */
    public static List<EnrichedArticle> articles() throws IOException {
        ObjectMapper json = new ObjectMapper();
        SpecificDatumReader<EnrichedArticle> reader = new SpecificDatumReader<>(EnrichedArticle.class);
        List<EnrichedArticle> articles = new ArrayList<>();
        try (InputStream in = EnrichedSample.class.getResourceAsStream(RESOURCE)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    String avroJson = avroJson((ObjectNode) json.readTree(line)).toString();
                    articles.add(reader.read(null, DecoderFactory.get().jsonDecoder(EnrichedArticle.getClassSchema(),
                            avroJson)));
                }
            }
        }
        return articles;
    }

    /** Plain JSON to Avro's JSON encoding: the timestamp as epoch millis, the unions (url, storyId) wrapped. */
    private static JsonNode avroJson(ObjectNode plain) {
        plain.put("publishedAt", Instant.parse(plain.path("publishedAt").asText()).toEpochMilli());
        JsonNode url = plain.path("url");
        if (!url.isNull()) {
            plain.set("url", plain.objectNode().put("string", url.asText()));
        }
        // Lines written before stories lack the story fields: their defaults, as a reader of the old schema gets.
        JsonNode story = plain.path("storyId");
        if (story.isTextual()) {
            plain.set("storyId", plain.objectNode().put("string", story.asText()));
        } else {
            plain.putNull("storyId");
        }
        if (!plain.has("similarity")) {
            plain.put("similarity", 1.0);
        }
        if (!plain.has("novelty")) {
            plain.put("novelty", 1.0);
        }
        return plain;
    }
}
