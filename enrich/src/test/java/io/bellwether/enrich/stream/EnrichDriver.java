package io.bellwether.enrich.stream;

import io.bellwether.avro.Article;
import io.bellwether.avro.DeadLetter;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.enrich.EnrichConfig;
import io.bellwether.enrich.analysis.Analyzer;
import io.bellwether.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** The enrich topology in a {@link TopologyTestDriver}: article bytes in, enriched and dead-letter records out. */
final class EnrichDriver implements AutoCloseable {
    final Topics topics = new Topics();
    final TestOutputTopic<String, EnrichedArticle> enriched;
    final TestOutputTopic<String, DeadLetter> deadLetters;
    private final TopologyTestDriver driver;
    private final TestInputTopic<byte[], byte[]> articles;

    EnrichDriver(Analyzer analyzer, EnrichMetrics metrics) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // The driver holds every partition's records in one, so the topology is built for one input partition
        // (built for six, the story stage would wait the order wait for five partitions that never send).
        driver = new TopologyTestDriver(new EnrichTopology(topics, analyzer, EnrichConfig.defaults(), metrics)
                .build(topics.articles().name(), 1), props);
        articles = driver.createInputTopic(topics.articles().name(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        enriched = driver.createOutputTopic(topics.enriched().name(), Serdes.String().deserializer(),
                topics.enriched().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetter().name(), Serdes.String().deserializer(),
                topics.deadLetter().valueSerde().deserializer());
    }

    void send(String key, byte[] value, Instant timestamp) {
        articles.pipeInput(new TestRecord<>(key.getBytes(StandardCharsets.UTF_8), value, timestamp));
    }

    byte[] encode(Article article) {
        return topics.articles().valueSerde().serializer().serialize(topics.articles().name(), article);
    }

    @Override
    public void close() {
        driver.close();
    }
}
