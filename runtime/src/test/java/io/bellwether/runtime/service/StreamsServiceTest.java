package io.bellwether.runtime.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.runtime.testing.TestKafka;
import io.bellwether.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsServiceTest {
    private static TestKafka kafka;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = TestKafka.start();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("failing-app-in", 1, (short) 1),
                    new NewTopic("healthy-app-in", 1, (short) 1), new NewTopic("healthy-app-out", 1, (short) 1),
                    new NewTopic("failing-app-out", 1, (short) 1))).all().get();
        }
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void reportsFailureOnceReplacementThreadsKeepDying() throws Exception {
        CompletableFuture<String> failure = new CompletableFuture<>();
        StreamsService service = new StreamsService("shouter", streams("failing-app", true),
                Duration.ofSeconds(10), 1);
        service.start((name, reason) -> failure.complete(name + ": " + reason));
        try {
            kafka.sendRaw("failing-app-in", null, "boom".getBytes(StandardCharsets.UTF_8));

            assertThat(failure.get(60, TimeUnit.SECONDS))
                    .isEqualTo("shouter: Kafka Streams stopped with an error: IllegalStateException: cannot shout boom");
            assertThat(service.health().up()).isFalse();
            assertThat(service.health().detail()).startsWith("ERROR");
        } finally {
            service.close();
        }
    }

    @Test
    void isDownBeforeStartAndNotFailedWhileHealthy() throws Exception {
        CompletableFuture<String> failure = new CompletableFuture<>();
        StreamsService service = new StreamsService("shouter", streams("healthy-app", false),
                Duration.ofSeconds(10));
        assertThat(service.health()).isEqualTo(Health.down("CREATED"));
        service.start((name, reason) -> failure.complete(reason));
        try {
            kafka.sendRaw("healthy-app-in", null, "hello".getBytes(StandardCharsets.UTF_8));
            assertThat(kafka.read(new Topics().ingestSeen().renamed("healthy-app-out"), 1,
                    Duration.ofSeconds(60))).extracting(record -> record.value()).contains("HELLO");
            assertThat(failure).isNotDone();
        } finally {
            service.close();
        }
        assertThat(service.health()).isEqualTo(Health.down("NOT_RUNNING"));
    }

    private KafkaStreams streams(String applicationId, boolean failing) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(applicationId + "-in", Consumed.with(Serdes.String(), Serdes.String()).withName("words-source"))
                .mapValues(word -> {
                    if (failing) {
                        throw new IllegalStateException("cannot shout " + word);
                    }
                    return word.toUpperCase(Locale.ROOT);
                }, Named.as("shout"))
                .to(applicationId + "-out", Produced.with(Serdes.String(), Serdes.String()).withName("shouts-sink"));
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("application.id", applicationId);
        props.put("processing.guarantee", "exactly_once_v2");
        props.put("state.dir", stateDir.toString());
        props.put("num.stream.threads", "1");
        props.put("replication.factor", "1");
        props.put("auto.offset.reset", "earliest");
        props.put("commit.interval.ms", "100");
        // A dead stream thread's member leaves the group only by session timeout; keep it at the broker minimum.
        props.put("session.timeout.ms", "6000");
        return new KafkaStreams(builder.build(), props);
    }
}
