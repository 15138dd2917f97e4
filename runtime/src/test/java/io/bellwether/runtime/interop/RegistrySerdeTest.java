package io.bellwether.runtime.interop;

import static io.bellwether.runtime.interop.InteropRecords.SCORES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bellwether.avro.NarrativeScore;
import io.bellwether.runtime.testing.NodeScripts;
import io.bellwether.runtime.testing.SharedRegistry;
import io.bellwether.runtime.testing.TestKafka;
import io.bellwether.runtime.testing.TestRegistry;
import io.bellwether.schemas.RegistryAvroSerde;
import io.bellwether.schemas.Topic;
import io.bellwether.schemas.Topics;
import io.bellwether.schemas.ValueSerdes;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Our registry serde against a real registry's Confluent-compatible API (Apicurio's {@code /apis/ccompat/v7}): round
 * trips through a broker, records a foreign producer registered and encoded, and each failure named for what it is.
 */
@ExtendWith(SharedRegistry.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrySerdeTest {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final InteropRecords records = new InteropRecords();
    private TestRegistry registry;
    private TestKafka kafka;
    private Topics catalog;

    @BeforeAll
    void start(TestRegistry sharedRegistry) throws Exception {
        registry = sharedRegistry;
        kafka = TestKafka.start();
        catalog = new Topics("", ValueSerdes.registry(registry.url()));
    }

    @AfterAll
    void stop() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void readsBackThroughABrokerWhatItWroteThroughTheRegistry() throws Exception {
        Topic<String, NarrativeScore> scores = catalog.narrativeScores().renamed("news.narrative-scores.roundtrip");
        kafka.createTopics(List.of(scores));
        for (NarrativeScore score : SCORES) {
            kafka.sendRaw(scores.name(), scores.keySerde().serializer().serialize(scores.name(), score.getNarrative()),
                    scores.valueSerde().serializer().serialize(scores.name(), score));
        }

        List<ConsumerRecord<String, NarrativeScore>> read = kafka.read(scores, SCORES.size(), READ_TIMEOUT);

        assertThat(read).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(SCORES);
    }

    @Test
    void readsWhatKafkajsRegisteredAndEncodedWithItsOwnCopyOfTheSchema() throws Exception {
        Topic<String, NarrativeScore> scores = catalog.narrativeScores().renamed("news.narrative-scores.kafkajs");
        kafka.createTopics(List.of(scores));
        Path schema = Path.of(System.getProperty("bellwether.schemas.avro.dir"), "NarrativeScore.avsc");

        List<String> produced = NodeScripts.prepare().run("registry-producer.js", Duration.ofMinutes(2),
                kafka.bootstrapServers(), scores.name(), registry.url().toString(),
                schema.toAbsolutePath().toString(), records.plainJson(SCORES));

        assertThat(records.parse(produced.get(0)).get("sent").asInt()).isEqualTo(SCORES.size());
        assertThat(kafka.read(scores, SCORES.size(), READ_TIMEOUT)).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(SCORES);
    }

    @Test
    void namesASchemaIdTheRegistryDoesNotHave() {
        byte[] unknown = {0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 2};

        assertThatThrownBy(() -> catalog.narrativeScores().valueSerde().deserializer().deserialize("t", unknown))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("cannot decode NarrativeScore from topic t: schema id 2147483632 is not in"
                        + " schema registry " + registry.url() + " (404, error 40403: ");
    }

    @Test
    void namesASchemaIdThatHoldsAJsonSchema() throws Exception {
        String json = "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\"}";
        int id = records.parse(registry.post("/subjects/json-things-value/versions", registered("JSON", json)))
                .get("id").asInt();
        byte[] value = ByteBuffer.allocate(6).put((byte) 0).putInt(id).put((byte) 2).array();

        assertThatThrownBy(() -> catalog.narrativeScores().valueSerde().deserializer().deserialize("t", value))
                .isInstanceOf(SerializationException.class)
                .hasMessage("cannot decode NarrativeScore from topic t: schema id " + id + " is a JSON schema, not Avro");
    }

    @Test
    void refusesARecordOfAnotherTypeNamingWhatTheSchemaIdHolds() {
        byte[] article = catalog.articles().valueSerde().serializer().serialize("news.articles", InteropRecords.article());

        assertThatThrownBy(() -> catalog.narrativeScores().valueSerde().deserializer().deserialize("news.articles", article))
                .isInstanceOf(SerializationException.class)
                .hasMessageMatching("cannot decode NarrativeScore from topic news.articles: schema id \\d+ is a"
                        + " io.bellwether.avro.Article, not io.bellwether.avro.NarrativeScore");
    }

    @Test
    void namesTheConflictWhenTheSubjectHoldsAnIncompatibleSchema() throws Exception {
        registry.put("/config/scores.incompatible-value", "{\"compatibility\":\"BACKWARD\"}");
        String other = "{\"type\":\"record\",\"name\":\"NarrativeScore\",\"namespace\":\"io.bellwether.avro\","
                + "\"fields\":[{\"name\":\"label\",\"type\":\"string\"}]}";
        registry.post("/subjects/scores.incompatible-value/versions", registered("AVRO", other));

        assertThatThrownBy(() -> catalog.narrativeScores().valueSerde().serializer()
                .serialize("scores.incompatible", SCORES.get(0)))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("cannot encode NarrativeScore for topic scores.incompatible: schema registry "
                        + registry.url() + " refused the schema of io.bellwether.avro.NarrativeScore for subject"
                        + " scores.incompatible-value as incompatible with the versions registered there (409");
    }

    @Test
    void pointsAtTheCompatibleApiWhenGivenTheServersRoot() {
        try (RegistryAvroSerde<NarrativeScore> serde = new RegistryAvroSerde<>(NarrativeScore.class, registry.root())) {
            assertThatThrownBy(() -> serde.serialize("t", SCORES.get(0)))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageStartingWith("cannot encode NarrativeScore for topic t: schema registry " + registry.root()
                            + " answered POST /subjects/t-value/versions with 404")
                    .hasMessageEndingWith("schema.registry.url must be the base of a Confluent-compatible API"
                            + " (for Apicurio Registry: http://HOST:PORT/apis/ccompat/v7)");
        }
    }

    /** The body of a Confluent-API registration. */
    private static String registered(String type, String schema) {
        return new ObjectMapper().createObjectNode().put("schemaType", type).put("schema", schema).toString();
    }
}
