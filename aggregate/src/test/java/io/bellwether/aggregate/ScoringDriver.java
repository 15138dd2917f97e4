package io.bellwether.aggregate;

import io.bellwether.avro.DeadLetter;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.avro.EntityScore;
import io.bellwether.avro.NarrativeScore;
import io.bellwether.runtime.kafka.KafkaSettings;
import io.bellwether.runtime.service.ScratchDir;
import io.bellwether.schemas.Topics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The aggregate topology in a {@link TopologyTestDriver}, with typed access to its input and outputs. */
public final class ScoringDriver implements AutoCloseable {
    private final ScratchDir stateDir = new ScratchDir("aggregate-ttd");
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, EnrichedArticle> input;
    private final TestInputTopic<String, byte[]> raw;
    private final TestOutputTopic<String, NarrativeScore> narratives;
    private final TestOutputTopic<String, EntityScore> entities;
    private final TestOutputTopic<String, DeadLetter> deadLetters;

    public ScoringDriver(AggregateConfig config, AggregateMetrics metrics) {
        Topics topics = new Topics();
        Properties props = KafkaSettings.of(Map.of("bootstrap.servers", "unused:9092"))
                .streams(config.applicationId());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.path().toString());
        driver = new TopologyTestDriver(new AggregateTopology(topics, config, metrics).build(), props);
        input = driver.createInputTopic(topics.enriched().name(), Serdes.String().serializer(),
                topics.enriched().valueSerde().serializer());
        raw = driver.createInputTopic(topics.enriched().name(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        narratives = driver.createOutputTopic(topics.narrativeScores().name(), Serdes.String().deserializer(),
                topics.narrativeScores().valueSerde().deserializer());
        entities = driver.createOutputTopic(topics.entityScores().name(), Serdes.String().deserializer(),
                topics.entityScores().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetter().name(), Serdes.String().deserializer(),
                topics.deadLetter().valueSerde().deserializer());
    }

    public ScoringDriver(AggregateConfig config) {
        this(config, new AggregateMetrics(config));
    }

    public ScoringDriver pipe(Articles... articles) {
        for (Articles article : articles) {
            pipe(article.build());
        }
        return this;
    }

    /** One enriched article, keyed by its id at its publication time, as the enrich stream writes it. */
    public ScoringDriver pipe(EnrichedArticle article) {
        input.pipeInput(article.getId(), article, article.getPublishedAt());
        return this;
    }

    public void pipeRaw(String key, byte[] value) {
        raw.pipeInput(key, value);
    }

    public List<KeyValue<String, NarrativeScore>> narrativeRecords() {
        return narratives.readKeyValuesToList();
    }

    public List<KeyValue<String, EntityScore>> entityRecords() {
        return entities.readKeyValuesToList();
    }

    public List<DeadLetter> deadLetters() {
        return deadLetters.readValuesToList();
    }

    /** Final narrative records by key, in emission order. */
    public Map<String, NarrativeScore> narrativeFinals() {
        Map<String, NarrativeScore> finals = new LinkedHashMap<>();
        narrativeRecords().stream().filter(kv -> kv.value.getFinal$()).forEach(kv -> finals.put(kv.key, kv.value));
        return finals;
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.close();
        stateDir.close();
    }
}
