package io.bellwether.runtime.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bellwether.avro.Article;
import io.bellwether.runtime.config.ConfigException;
import io.bellwether.runtime.testing.TestKafka;
import io.bellwether.schemas.Topic;
import io.bellwether.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicTailTest {
    private static final Topics CATALOG = new Topics();
    private static TestKafka kafka;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = TestKafka.start();
        kafka.createTopics(List.of(CATALOG.articles(), CATALOG.ingestSeen()));
        Topic<String, Article> articles = CATALOG.articles();
        kafka.sendRaw(articles.name(), bytes("a-1"), articles.valueSerde().serializer()
                .serialize(articles.name(), article("a-1")));
        kafka.sendRaw(articles.name(), bytes("a-2"), bytes("definitely not avro"));
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void printsDecodedRecordsAndAnErrorLineForGarbageFromTheBeginning() throws Exception {
        long written = tail().run(new TailOptions("news.articles", true, 2, Duration.ofSeconds(30)));

        assertThat(written).isEqualTo(2);
        JsonNode good = lineWithKey("a-1");
        assertThat(good.get("topic").asText()).isEqualTo("news.articles");
        assertThat(good.get("timestamp").asText()).isNotEmpty();
        assertThat(good.get("offset").isIntegralNumber()).isTrue();
        assertThat(good.path("value").path("title").asText()).isEqualTo("Volunteers release an open model");
        assertThat(good.path("value").path("publishedAt").asText()).isEqualTo("2026-10-04T09:15:00Z");
        JsonNode bad = json.readTree(lines.stream().filter(line -> line.contains("\"error\"")).findFirst()
                .orElseThrow());
        assertThat(bad.get("error").asText()).startsWith("SerializationException");
        assertThat(bad.get("size").asInt()).isEqualTo("definitely not avro".length());
        assertThat(bad.has("value")).isFalse();
    }

    @Test
    void showsOnlyRecordsWrittenAfterItStartedUnlessFromBeginning() throws Exception {
        Topic<String, String> seen = CATALOG.ingestSeen();
        kafka.sendRaw(seen.name(), bytes("old"), bytes("old"));
        TopicTail tail = tail();
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<Long> run = background.submit(() ->
                    tail.run(new TailOptions(seen.name(), false, 1, Duration.ofSeconds(60))));
            for (int attempt = 0; !run.isDone() && attempt < 100; attempt++) {
                kafka.sendRaw(seen.name(), bytes("new"), bytes("new-" + attempt));
                Thread.sleep(200);
            }
            assertThat(run.get()).isEqualTo(1);
        } finally {
            background.shutdownNow();
        }

        assertThat(lines).hasSize(1);
        JsonNode line = json.readTree(lines.get(0));
        assertThat(line.get("key").asText()).isEqualTo("new");
        assertThat(line.get("value").asText()).startsWith("new-");
    }

    @Test
    void stopsAfterTheIdleTimeoutWhenNothingArrives() {
        long written = tail().run(new TailOptions("news.articles", false, 0, Duration.ofMillis(500)));

        assertThat(written).isZero();
        assertThat(lines).isEmpty();
    }

    @Test
    void rejectsAnUnknownTopicListingTheCatalog() {
        assertThatThrownBy(() -> tail().run(new TailOptions("news.article", true, 1, Duration.ZERO)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown topic 'news.article': must be one of news.articles, news.articles.enriched, "
                        + "news.narrative-scores, news.entity-scores, news.dead-letter, news.ingest.seen "
                        + "(replay outputs add .SUFFIX)");
    }

    private TopicTail tail() {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        return new TopicTail(props, CATALOG, lines::add);
    }

    private JsonNode lineWithKey(String key) throws Exception {
        for (String line : lines) {
            JsonNode node = json.readTree(line);
            if (key.equals(node.path("key").asText())) {
                return node;
            }
        }
        throw new AssertionError("no line with key " + key + " in " + lines);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Article article(String id) {
        return Article.newBuilder()
                .setId(id)
                .setSource("Riverbank Wire")
                .setTitle("Volunteers release an open model")
                .setBody("A group of volunteers published weights anyone may download.")
                .setPublishedAt(Instant.parse("2026-10-04T09:15:00Z"))
                .setIngestedAt(Instant.parse("2026-10-04T09:16:00Z"))
                .build();
    }
}
