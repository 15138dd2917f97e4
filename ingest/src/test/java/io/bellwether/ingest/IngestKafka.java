package io.bellwether.ingest;

import io.bellwether.avro.Article;
import io.bellwether.runtime.kafka.KafkaSettings;
import io.bellwether.runtime.testing.TestKafka;
import io.bellwether.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A real broker with the ingest topics, and the wiring the CLI does, for the integration tests. */
final class IngestKafka implements AutoCloseable {
    final TestKafka kafka;
    final Topics topics = new Topics();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final List<String> progress = new CopyOnWriteArrayList<>();

    private IngestKafka(TestKafka kafka) {
        this.kafka = kafka;
    }

    static IngestKafka start() throws Exception {
        IngestKafka fixture = new IngestKafka(TestKafka.start());
        fixture.kafka.createTopics(List.of(fixture.topics.articles(), fixture.topics.ingestSeen(),
                fixture.topics.deadLetter()));
        return fixture;
    }

    KafkaSettings clientProps() {
        return KafkaSettings.of(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    }

    ArticleIngest open(IngestConfig config, Clock clock) {
        return ArticleIngest.open(config, clientProps(), registry, clock, progress::add);
    }

    /** The committed articles, read until {@code expected} arrived or {@code wait} passed. */
    List<ConsumerRecord<String, Article>> articles(int expected, Duration wait) {
        return kafka.read(topics.articles(), expected, wait);
    }

    double counter(String name) {
        return registry.get(name).counter().count();
    }

    @Override
    public void close() throws Exception {
        kafka.close();
    }
}
