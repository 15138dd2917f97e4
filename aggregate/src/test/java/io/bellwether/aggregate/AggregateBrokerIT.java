package io.bellwether.aggregate;

import static io.bellwether.aggregate.Articles.NARRATIVE;
import static io.bellwether.aggregate.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.bellwether.aggregate.query.ScoreApi;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.avro.NarrativeScore;
import io.bellwether.runtime.kafka.KafkaSettings;
import io.bellwether.schemas.Topic;
import io.bellwether.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/** The topology and its query API on a real single-node KRaft broker, exactly-once. */
class AggregateBrokerIT {
    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final AggregateConfig CONFIG = AggregateKeys.config(Map.of(
            AggregateKeys.WINDOWS.name(), "PT1H/PT30M", AggregateKeys.UPDATE_INTERVAL.name(), "PT10M",
            // The articles sit on several partitions and reach the windows in any order: a grace longer than
            // their spread keeps every one of them in its window, whatever the interleaving.
            AggregateKeys.GRACE.name(), "PT3H", AggregateKeys.APPLICATION_ID.name(), "aggregate-it"));

    static final String OTHER = "ai-regulation";

    final Topics topics = new Topics();

    /** One aggregate instance: its Streams client and the HTTP server named by its application.server. */
    record Instance(KafkaStreams streams, HttpServer server, String base) implements AutoCloseable {
        static Instance start(Topology topology, String bootstrap) throws Exception {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            int port = server.getAddress().getPort();
            Properties props = KafkaSettings.of(Map.of("bootstrap.servers", bootstrap, "streams.threads", "1"))
                    .streams(CONFIG.applicationId());
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:" + port);
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("aggregate-it").toString());
            props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
            props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
            KafkaStreams streams = new KafkaStreams(topology, props);
            server.createContext("/api", ScoreApi.forStreams(streams, CONFIG,
                    Optional.of(new HostInfo("127.0.0.1", port))));
            server.start();
            streams.start();
            return new Instance(streams, server, "http://127.0.0.1:" + port + "/api");
        }

        @Override
        public void close() {
            server.stop(0);
            streams.close(Duration.ofSeconds(30));
        }
    }

    @Test
    @SuppressWarnings("try") // KafkaClusterTestKit.close() may throw InterruptedException; the test declares it.
    void scoresExactlyOnceAndEitherInstanceAnswersForEveryNarrative() throws Exception {
        try (KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .build()) {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            createTopics(cluster);
            produce(cluster.bootstrapServers(), article("a", "2026-10-04T09:10:00Z").signal(0.5, 1.0, "open")
                            .entity("Meta", 2, 0.1, "open"),
                    article("b", "2026-10-04T09:20:00Z").signal(-0.1, 0.5, "closed"),
                    article("r", "2026-10-04T09:30:00Z").signal(OTHER, 0.2, 1.0, "open"),
                    article("c", "2026-10-04T11:00:00Z").signal(0.0, 1.0, "neutral"),
                    article("s", "2026-10-04T11:00:00Z").signal(OTHER, 0.0, 1.0, "neutral"));
            AggregateMetrics metrics = new AggregateMetrics(CONFIG);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            metrics.bindTo(registry);
            String bootstrap = cluster.bootstrapServers();
            try (Instance one = Instance.start(new AggregateTopology(topics, CONFIG, metrics).build(), bootstrap);
                 Instance two = Instance.start(new AggregateTopology(topics, CONFIG, metrics).build(), bootstrap)) {
                awaitArticlesRead(registry, 5);
                // Only once all five are in: moves stream time past 10:00 + grace, closing the 09:00 window.
                produce(bootstrap, article("d", "2026-10-04T13:30:00Z").signal(0.0, 1.0, "neutral"));
                NarrativeScore nine = awaitFinal(bootstrap, NARRATIVE + "@2026-10-04T09:00:00Z/PT1H");
                assertThat(nine.getArticleCount()).isEqualTo(2);
                assertThat(nine.getWeightedStance()).isCloseTo((0.5 - 0.05) / 1.5, within(1e-9));
                assertThat(nine.getTopEntities()).extracting(e -> e.getName()).containsExactly("Meta");

                // Each narrative lives on one instance; the other must forward, so both answer alike.
                String query = "/narratives/" + NARRATIVE + "/scores?from=2026-10-04T09:00:00Z&to=2026-10-04T09:00:00Z";
                for (Instance instance : List.of(one, two)) {
                    JsonNode scores = awaitJson(instance.base() + query, body -> !body.path("scores").isEmpty());
                    assertThat(scores.path("scores")).singleElement().satisfies(s -> {
                        assertThat(s.path("articleCount").asLong()).isEqualTo(2);
                        assertThat(s.path("final").asBoolean()).isTrue();
                    });
                    JsonNode latest = awaitJson(instance.base() + "/narratives",
                            body -> body.path("narratives").size() == 2);
                    assertThat(latest.path("narratives")).extracting(n -> n.path("narrative").asText())
                            .containsExactly(OTHER, NARRATIVE);
                }
                assertThat(registry.get("bellwether.aggregate.narrative.articles").tag("narrative", NARRATIVE)
                        .gauge().value()).isEqualTo(2.0);
            }
        }
    }

    static void awaitArticlesRead(SimpleMeterRegistry registry, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (registry.get("bellwether.aggregate.articles").functionCounter().count() < expected
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(registry.get("bellwether.aggregate.articles").functionCounter().count())
                .isGreaterThanOrEqualTo(expected);
    }

    void createTopics(KafkaClusterTestKit cluster) throws Exception {
        try (Admin admin = cluster.admin()) {
            List<NewTopic> created = topics.all().stream()
                    .map(topic -> new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.configs()))
                    .toList();
            admin.createTopics(created).all().get();
        }
    }

    void produce(String bootstrap, Articles... articles) throws Exception {
        Topic<String, EnrichedArticle> enriched = topics.enriched();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, EnrichedArticle> producer = new KafkaProducer<>(config,
                enriched.keySerde().serializer(), enriched.valueSerde().serializer())) {
            for (Articles article : articles) {
                EnrichedArticle value = article.build();
                producer.send(new ProducerRecord<>(enriched.name(), null, value.getPublishedAt().toEpochMilli(),
                        value.getId(), value)).get();
            }
        }
    }

    NarrativeScore awaitFinal(String bootstrap, String key) {
        Topic<String, NarrativeScore> scores = topics.narrativeScores();
        Map<String, Object> config = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "aggregate-it-reader", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        try (KafkaConsumer<String, NarrativeScore> consumer = new KafkaConsumer<>(config,
                scores.keySerde().deserializer(), scores.valueSerde().deserializer())) {
            consumer.subscribe(List.of(scores.name()));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, NarrativeScore> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key().equals(key) && record.value().getFinal$()) {
                        return record.value();
                    }
                }
            }
        }
        throw new AssertionError("no final record " + key + " within " + PATIENCE);
    }

    /** Polls {@code url} until it answers 200 with a body that passes {@code ready} (rebalances answer 503). */
    JsonNode awaitJson(String url, Predicate<JsonNode> ready) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await(() -> {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString());
                last.set(json.readTree(response.body()));
                return response.statusCode() == 200 && ready.test(last.get());
            } catch (IOException e) {
                return false;
            }
        }, () -> "an answer from " + url + " (last: " + last.get() + ")");
        return last.get();
    }

    interface Check {
        boolean passes() throws InterruptedException;
    }

    static void await(Check condition, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.passes()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what.get());
            }
            Thread.sleep(200);
        }
    }
}
