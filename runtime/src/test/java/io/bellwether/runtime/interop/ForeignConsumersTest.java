package io.bellwether.runtime.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bellwether.avro.Article;
import io.bellwether.avro.EntityStance;
import io.bellwether.avro.NarrativeScore;
import io.bellwether.runtime.testing.NodeScripts;
import io.bellwether.runtime.testing.TestKafka;
import io.bellwether.runtime.testing.TestRegistry;
import io.bellwether.schemas.Topic;
import io.bellwether.schemas.Topics;
import io.bellwether.schemas.ValueSerdes;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Consumers nobody here wrote read what our serdes put on a real broker: kafkajs through the registry's
 * Confluent-compatible API, and avsc with nothing but our .avsc file. One registry and one broker per class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForeignConsumersTest {
    private static final Duration NODE_TIMEOUT = Duration.ofMinutes(2);
    private static final List<NarrativeScore> SCORES = List.of(
            score("open-vs-closed-ai", "2026-10-04T09:00:00Z", 0.42, null, false),
            score("open-vs-closed-ai", "2026-10-04T10:00:00Z", -0.25, -0.67, true));

    private final ObjectMapper json = new ObjectMapper();
    private TestKafka kafka;
    private TestRegistry registry;
    private NodeScripts node;
    private Topic<String, NarrativeScore> registryScores;
    private Topic<String, NarrativeScore> singleObjectScores;

    @BeforeAll
    void start() throws Exception {
        node = NodeScripts.prepare();
        registry = TestRegistry.start();
        kafka = TestKafka.start();
        registryScores = new Topics("registry", ValueSerdes.registry(registry.url())).narrativeScores();
        singleObjectScores = new Topics("single").narrativeScores();
        kafka.createTopics(List.of(registryScores, singleObjectScores));
        for (NarrativeScore score : SCORES) {
            send(registryScores, score);
            send(singleObjectScores, score);
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void kafkajsDecodesNarrativeScoresThroughTheConfluentCompatibleApi() throws Exception {
        List<String> lines = node.run("registry-consumer.js", NODE_TIMEOUT, kafka.bootstrapServers(),
                registryScores.name(), registry.ccompatUrl().toString(), Integer.toString(SCORES.size()));

        assertDecodedAsWritten(lines);
    }

    @Test
    void avscDecodesTheDefaultSingleObjectEncodingWithOnlyTheSchemaFile() throws Exception {
        Path schema = Path.of(System.getProperty("bellwether.schemas.avro.dir"), "NarrativeScore.avsc");

        List<String> lines = node.run("single-object-consumer.js", NODE_TIMEOUT, kafka.bootstrapServers(),
                singleObjectScores.name(), schema.toAbsolutePath().toString(), Integer.toString(SCORES.size()));

        assertDecodedAsWritten(lines);
    }

    @Test
    void writesTheConfluentWireFormatWithAnIdTheCompatibleApiServes() throws Exception {
        Topic<String, byte[]> raw = new Topic<>(registryScores.name(), Serdes.String(), Serdes.ByteArray(), 1,
                "delete", -1, "raw bytes");

        List<ConsumerRecord<String, byte[]>> records = kafka.read(raw, SCORES.size(), Duration.ofSeconds(30));

        assertThat(records).hasSize(SCORES.size()).allSatisfy(record -> assertThat(record.value()[0]).isZero());
        int id = ByteBuffer.wrap(records.get(0).value(), 1, 4).getInt();
        JsonNode registered = json.readTree(registry.get("/apis/ccompat/v7/schemas/ids/" + id));
        JsonNode schema = json.readTree(registered.get("schema").asText());
        assertThat(schema.get("name").asText()).isEqualTo("NarrativeScore");
        assertThat(registered.path("references")).as("self-contained, no references").isEmpty();
        assertThat(schema.findValuesAsText("name")).contains("EntityStance");
        assertThat(registry.get("/apis/ccompat/v7/subjects")).contains("\"" + registryScores.name() + "-value\"");
    }

    @Test
    void readsBackWhatItWroteThroughTheRegistry() {
        List<ConsumerRecord<String, NarrativeScore>> records = kafka.read(registryScores, SCORES.size(),
                Duration.ofSeconds(30));

        assertThat(records).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(SCORES);
    }

    @Test
    void refusesARecordOfAnotherTypeNamingWhatTheSchemaIdHolds() {
        Topics catalog = new Topics("", ValueSerdes.registry(registry.url()));
        byte[] article = catalog.articles().valueSerde().serializer().serialize("news.articles", article());

        assertThatThrownBy(() -> registryScores.valueSerde().deserializer().deserialize("news.articles", article))
                .isInstanceOf(SerializationException.class)
                .hasMessageMatching("cannot decode NarrativeScore from topic news.articles: schema id \\d+ is a"
                        + " io.bellwether.avro.Article, not io.bellwether.avro.NarrativeScore");
    }

    private void assertDecodedAsWritten(List<String> lines) throws Exception {
        assertThat(lines).hasSize(SCORES.size());
        Map<Long, JsonNode> byWindow = lines.stream().map(this::parse).map(line -> line.get("value"))
                .collect(Collectors.toMap(value -> value.get("windowStart").asLong(), Function.identity()));
        for (NarrativeScore score : SCORES) {
            JsonNode value = byWindow.get(score.getWindowStart().toEpochMilli());
            assertThat(value).as("record of window %s", score.getWindowStart()).isNotNull();
            assertThat(value.get("narrative").asText()).isEqualTo(score.getNarrative());
            assertThat(value.get("windowEnd").asLong()).isEqualTo(score.getWindowEnd().toEpochMilli());
            assertThat(value.get("articleCount").asLong()).isEqualTo(score.getArticleCount());
            assertThat(value.get("weightedStance").asDouble()).isEqualTo(score.getWeightedStance());
            assertThat(value.get("momentum").isNull() ? null : value.get("momentum").asDouble())
                    .isEqualTo(score.getMomentum());
            assertThat(value.get("topEntities").get(0).get("name").asText())
                    .isEqualTo(score.getTopEntities().get(0).getName());
            assertThat(value.get("final").asBoolean()).isEqualTo(score.getFinal$());
        }
    }

    private JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    private <V> void send(Topic<String, V> topic, V value) throws Exception {
        String key = topic.name() + "@" + value.hashCode();
        kafka.sendRaw(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
                topic.valueSerde().serializer().serialize(topic.name(), value));
    }

    private static NarrativeScore score(String narrative, String start, double stance, Double momentum,
                                        boolean closed) {
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

    private static Article article() {
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
