package io.bellwether.runtime.interop;

import static io.bellwether.runtime.interop.InteropRecords.SCORES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bellwether.avro.NarrativeScore;
import io.bellwether.runtime.testing.ExternalCommand;
import io.bellwether.runtime.testing.NodeScripts;
import io.bellwether.runtime.testing.SharedRegistry;
import io.bellwether.runtime.testing.TestKafka;
import io.bellwether.runtime.testing.TestRegistry;
import io.bellwether.schemas.Topic;
import io.bellwether.schemas.Topics;
import io.bellwether.schemas.ValueSerdes;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumers nobody here wrote read what our serdes put on a real broker: kafkajs through the registry's
 * Confluent-compatible API, avsc with nothing but our .avsc file, and the Python examples of docs/examples in
 * both encodings, from a Kafka consumer and from kcat's raw bytes. One broker per class, the registry shared.
 */
@ExtendWith(SharedRegistry.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForeignConsumersTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final InteropRecords records = new InteropRecords();
    private final Path schemas = Path.of(System.getProperty("bellwether.schemas.avro.dir")).toAbsolutePath();
    private TestKafka kafka;
    private TestRegistry registry;
    private NodeScripts node;
    private ExternalCommand python;
    private Topic<String, NarrativeScore> registryScores;
    private Topic<String, NarrativeScore> singleObjectScores;

    @BeforeAll
    void start(TestRegistry sharedRegistry) throws Exception {
        registry = sharedRegistry;
        node = NodeScripts.prepare();
        python = new ExternalCommand(Path.of(System.getProperty("bellwether.python.examples.dir")));
        checkPythonModules();
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
    }

    @Test
    void kafkajsDecodesNarrativeScoresThroughTheConfluentCompatibleApi() throws Exception {
        List<String> lines = node.run("registry-consumer.js", TIMEOUT, kafka.bootstrapServers(),
                registryScores.name(), registry.url().toString(), Integer.toString(SCORES.size()));

        records.assertScoresAsWritten(records.valuesOf(lines));
    }

    @Test
    void avscDecodesTheDefaultSingleObjectEncodingWithOnlyTheSchemaFile() throws Exception {
        List<String> lines = node.run("single-object-consumer.js", TIMEOUT, kafka.bootstrapServers(),
                singleObjectScores.name(), schemas.resolve("NarrativeScore.avsc").toString(),
                Integer.toString(SCORES.size()));

        records.assertScoresAsWritten(records.valuesOf(lines));
    }

    @Test
    void pythonExampleDecodesTheConfluentWireFormatThroughTheRegistry() throws Exception {
        List<String> lines = pythonConsume(registryScores, "--registry", registry.url().toString());

        records.assertScoresAsWritten(records.valuesOf(lines));
    }

    @Test
    void pythonExampleDecodesSingleObjectEncodingWithTheCurrentAndReleasedSchemaFiles() throws Exception {
        List<String> lines = pythonConsume(singleObjectScores, schemaArguments().toArray(String[]::new));

        records.assertScoresAsWritten(records.valuesOf(lines));
    }

    @Test
    void kcatRawValuesPipedToThePythonDecoderReadBothEncodings() throws Exception {
        List<String> viaRegistry = kcatPipe(registryScores, List.of("--registry", registry.url().toString()));
        List<String> singleObject = kcatPipe(singleObjectScores, schemaArguments());

        records.assertScoresAsWritten(records.parse(viaRegistry));
        records.assertScoresAsWritten(records.parse(singleObject));
    }

    @Test
    void writesTheConfluentWireFormatWithAnIdTheCompatibleApiServes() throws Exception {
        Topic<String, byte[]> raw = new Topic<>(registryScores.name(), Serdes.String(), Serdes.ByteArray(), 1,
                "delete", -1, "raw bytes");

        List<ConsumerRecord<String, byte[]>> written = kafka.read(raw, SCORES.size(), Duration.ofSeconds(30));

        assertThat(written).hasSize(SCORES.size()).allSatisfy(record -> assertThat(record.value()[0]).isZero());
        int id = ByteBuffer.wrap(written.get(0).value(), 1, 4).getInt();
        JsonNode registered = records.parse(registry.get("/schemas/ids/" + id));
        JsonNode schema = records.parse(registered.get("schema").asText());
        assertThat(schema.get("name").asText()).isEqualTo("NarrativeScore");
        assertThat(registered.path("references")).as("self-contained, no references").isEmpty();
        assertThat(schema.findValuesAsText("name")).contains("EntityStance");
        assertThat(registry.get("/subjects")).contains("\"" + registryScores.name() + "-value\"");
    }

    @Test
    void javaExampleOfTheDocsReadsBothEncodingsThroughTheCatalogsSerdes() {
        assertThat(consumeAsDocumented(registryScores)).containsExactlyInAnyOrderElementsOf(SCORES);
        assertThat(consumeAsDocumented(singleObjectScores)).containsExactlyInAnyOrderElementsOf(SCORES);
    }

    @Test
    void generatedClassAloneDecodesSingleObjectValues() throws Exception {
        Topic<String, byte[]> raw = new Topic<>(singleObjectScores.name(), Serdes.String(), Serdes.ByteArray(), 1,
                "delete", -1, "raw bytes");

        List<NarrativeScore> decoded = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : kafka.read(raw, SCORES.size(), Duration.ofSeconds(30))) {
            decoded.add(NarrativeScore.getDecoder().decode(record.value()));
        }

        assertThat(decoded).containsExactlyInAnyOrderElementsOf(SCORES);
    }

    /** The consumer docs/consuming.md shows for Java, polled until it has every record. */
    private List<NarrativeScore> consumeAsDocumented(Topic<String, NarrativeScore> scores) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("group.id", "docs-example-" + scores.name());
        props.put("auto.offset.reset", "earliest");
        props.put("isolation.level", "read_committed");
        List<NarrativeScore> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (KafkaConsumer<String, NarrativeScore> consumer = new KafkaConsumer<>(props,
                scores.keySerde().deserializer(), scores.valueSerde().deserializer())) {
            consumer.subscribe(List.of(scores.name()));
            while (seen.size() < SCORES.size() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> seen.add(record.value()));
            }
        }
        return seen;
    }

    private List<String> pythonConsume(Topic<String, ?> topic, String... decoding) throws Exception {
        List<String> command = new ArrayList<>(List.of(pythonExecutable(), "consume.py", "--bootstrap-servers",
                kafka.bootstrapServers(), "--topic", topic.name(), "--max", Integer.toString(SCORES.size())));
        command.addAll(List.of(decoding));
        return python.run(TIMEOUT, command).lines().toList();
    }

    /** The pipeline docs/consuming.md shows for kcat builds without Avro, such as Debian's. */
    private List<String> kcatPipe(Topic<String, ?> topic, List<String> decoding) throws Exception {
        List<String> kcat = List.of("kcat", "-b", kafka.bootstrapServers(), "-C", "-t", topic.name(),
                "-o", "beginning", "-e", "-q", "-X", "isolation.level=read_committed", "-f", "%R%s");
        List<String> decoder = new ArrayList<>(List.of(pythonExecutable(), "kcat_values.py"));
        decoder.addAll(decoding);
        return python.pipe(TIMEOUT, List.of(kcat, decoder)).lines().toList();
    }

    /** The reader's schema first, then every released version, as the docs tell readers of old records to do. */
    private List<String> schemaArguments() {
        Path history = schemas.resolveSibling("avro-history").resolve("NarrativeScore");
        return List.of("--schema", schemas.resolve("NarrativeScore.avsc").toString(),
                "--schema", history.resolve("v1.avsc").toString());
    }

    private void checkPythonModules() throws Exception {
        try {
            python.run(Duration.ofSeconds(30), List.of(pythonExecutable(), "-c", "import avro.io, confluent_kafka"));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the Python examples need Debian's python3-avro and"
                    + " python3-confluent-kafka for " + pythonExecutable() + " (apt-get install -y python3-avro"
                    + " python3-confluent-kafka, or pass -Dpython=...): " + e.getMessage(), e);
        }
    }

    private static String pythonExecutable() {
        return System.getProperty("bellwether.python", "/usr/bin/python3");
    }

    private <V> void send(Topic<String, V> topic, V value) throws Exception {
        String key = topic.name() + "@" + value.hashCode();
        kafka.sendRaw(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
                topic.valueSerde().serializer().serialize(topic.name(), value));
    }
}
