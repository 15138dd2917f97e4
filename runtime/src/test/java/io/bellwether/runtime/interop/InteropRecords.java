package io.bellwether.runtime.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bellwether.avro.Article;
import io.bellwether.avro.EntityStance;
import io.bellwether.avro.NarrativeScore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * The records the interop tests write, and checks that what a foreign client printed as JSON holds them: records
 * flow in, plain JSON for foreign producers and assertions on foreign consumers' output flow out.
 */
final class InteropRecords {
    static final List<NarrativeScore> SCORES = List.of(
            score("open-vs-closed-ai", "2026-10-04T09:00:00Z", 0.42, null, false),
            score("open-vs-closed-ai", "2026-10-04T10:00:00Z", -0.25, -0.67, true));

    private final ObjectMapper json = new ObjectMapper();

    /** Asserts that {@code values} (one JSON object per record, in any order) are {@link #SCORES}. */
    void assertScoresAsWritten(List<JsonNode> values) {
        assertThat(values).hasSize(SCORES.size());
        Map<Long, JsonNode> byWindow = values.stream()
                .collect(Collectors.toMap(value -> epochMillis(value.get("windowStart")), Function.identity()));
        for (NarrativeScore score : SCORES) {
            JsonNode value = byWindow.get(score.getWindowStart().toEpochMilli());
            assertThat(value).as("record of window %s", score.getWindowStart()).isNotNull();
            assertThat(value.get("narrative").asText()).isEqualTo(score.getNarrative());
            assertThat(epochMillis(value.get("windowEnd"))).isEqualTo(score.getWindowEnd().toEpochMilli());
            assertThat(value.get("articleCount").asLong()).isEqualTo(score.getArticleCount());
            assertThat(value.get("weightedStance").asDouble()).isEqualTo(score.getWeightedStance());
            assertThat(value.get("momentum").isNull() ? null : value.get("momentum").asDouble())
                    .isEqualTo(score.getMomentum());
            assertThat(value.get("topEntities").get(0).get("name").asText())
                    .isEqualTo(score.getTopEntities().get(0).getName());
            assertThat(value.get("final").asBoolean()).isEqualTo(score.getFinal$());
        }
    }

    /** The {@code value} member of each JSON line, as kafkajs' and Python's consumers print them. */
    List<JsonNode> valuesOf(List<String> lines) {
        return parse(lines).stream().map(line -> line.get("value")).toList();
    }

    List<JsonNode> parse(List<String> lines) {
        return lines.stream().filter(line -> !line.isBlank()).map(this::parse).toList();
    }

    JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    /** Records as plain JSON, as a JavaScript producer holds them: timestamps in epoch ms, unions unwrapped. */
    String plainJson(List<? extends IndexedRecord> records) {
        ArrayNode array = json.createArrayNode();
        records.forEach(record -> array.add(plain(record)));
        return array.toString();
    }

    private JsonNode plain(Object value) {
        if (value instanceof IndexedRecord record) {
            ObjectNode node = json.createObjectNode();
            for (Schema.Field field : record.getSchema().getFields()) {
                node.set(field.name(), plain(record.get(field.pos())));
            }
            return node;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = json.createArrayNode();
            list.forEach(item -> array.add(plain(item)));
            return array;
        }
        return json.valueToTree(value instanceof Instant instant ? instant.toEpochMilli() : value);
    }

    /** Node prints timestamps as epoch ms, Python's avro as ISO-8601 with an offset. */
    private static long epochMillis(JsonNode node) {
        return node.isNumber() ? node.asLong() : OffsetDateTime.parse(node.asText()).toInstant().toEpochMilli();
    }

    static NarrativeScore score(String narrative, String start, double stance, Double momentum, boolean closed) {
        Instant windowStart = Instant.parse(start);
        return NarrativeScore.newBuilder()
                .setNarrative(narrative)
                .setWindowStart(windowStart)
                .setWindowEnd(windowStart.plus(Duration.ofHours(1)))
                .setWindowSize("PT1H")
                .setArticleCount(7)
                .setMeanStance(stance)
                .setWeightedStance(stance * 0.9)
                .setOpenShare(0.5)
                .setClosedShare(0.25)
                .setNeutralShare(0.25)
                .setMeanSentiment(0.1)
                .setMomentum(momentum)
                .setTopEntities(List.of(new EntityStance("Hugging Face", 0.8, 3L)))
                .setLateArticles(0)
                .setFinal$(closed)
                .build();
    }

    static Article article() {
        return Article.newBuilder()
                .setId("a-1")
                .setSource("Harbor Tech Daily")
                .setUrl("https://example.org/a-1")
                .setTitle("Community lab publishes model weights")
                .setBody("A small lab put its weights online under a permissive licence.")
                .setPublishedAt(Instant.parse("2026-10-04T09:15:00Z"))
                .setIngestedAt(Instant.parse("2026-10-04T09:16:00Z"))
                .build();
    }
}
