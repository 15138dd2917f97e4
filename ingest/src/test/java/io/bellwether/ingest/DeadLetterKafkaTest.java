package io.bellwether.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bellwether.avro.Article;
import io.bellwether.avro.DeadLetter;
import io.bellwether.ingest.source.FileSource;
import io.bellwether.runtime.kafka.KafkaSettings;
import io.bellwether.runtime.testing.TestKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed files to a real broker: good articles on news.articles, one dead letter per bad input on
 * news.dead-letter, committed in the same transaction and counted by reason.
 */
class DeadLetterKafkaTest {
    private static final byte[] GARBAGE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0, (byte) 0xFF, (byte) 0xC3,
        (byte) 0x28};
    private static IngestKafka fixture;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() throws Exception {
        fixture = IngestKafka.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        fixture.close();
    }

    private static String utf8(ByteBuffer buffer) {
        return new String(bytes(buffer), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private Path corpus() throws IOException {
        Files.writeString(dir.resolve("good.txt"), "Lab ships open weights\nThe release is public.");
        Files.writeString(dir.resolve("lines.jsonl"), "{\"title\":\"first line\",\"body\":\"x\"}\n"
                + "{\"title\": broken\n{\"title\":\"third line\",\"body\":\"y\"}\n");
        Files.write(dir.resolve("garbage.txt"), GARBAGE);
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        return dir;
    }

    @Test
    void publishesTheGoodArticlesAndDeadLettersEachBadInputWithReasonAndBytes() throws Exception {
        Path corpus = corpus();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ArticleIngest ingest = ArticleIngest.open(IngestConfig.defaults(IngestChannel.FILES),
                fixture.clientProps(), registry, Clock.systemUTC(), line -> { })) {
            new FileSource().read(List.of(corpus), ingest::accept);
            ingest.flush();
            assertThat(ingest.summary()).isEqualTo(new IngestSummary(3, 0, 3));
        }
        assertThat(registry.get("ingest.articles.skipped").counter().count()).isEqualTo(3);
        assertThat(registry.find("ingest.articles.dead.letters").counters()).extracting(
                counter -> counter.getId().getTag("channel") + "/" + counter.getId().getTag("reason") + "="
                        + counter.count())
                .containsExactlyInAnyOrder("files/invalid-json=1.0", "files/not-utf8=1.0", "files/empty=1.0");

        List<String> titles = fixture.articles(100, Duration.ofSeconds(5)).stream().map(ConsumerRecord::value)
                .map(Article::getTitle).toList();
        assertThat(titles).contains("Lab ships open weights", "first line", "third line");

        Map<String, ConsumerRecord<String, DeadLetter>> letters = fixture.kafka
                .read(fixture.topics.deadLetter(), 3, Duration.ofSeconds(10)).stream()
                .filter(record -> record.key().startsWith(dir.toString()))
                .collect(Collectors.toMap(ConsumerRecord::key, record -> record));
        assertThat(letters).containsOnlyKeys(dir.resolve("lines.jsonl").toString(),
                dir.resolve("garbage.txt").toString(), dir.resolve("empty.txt").toString());

        DeadLetter broken = letters.get(dir.resolve("lines.jsonl").toString()).value();
        assertThat(broken.getStage()).isEqualTo("ingest");
        assertThat(broken.getReason()).isEqualTo("invalid-json");
        assertThat(broken.getDetail()).startsWith(dir.resolve("lines.jsonl") + ":2: invalid JSON");
        assertThat(utf8(broken.getOriginalValue())).isEqualTo("{\"title\": broken");
        assertThat(utf8(broken.getOriginalKey())).isEqualTo(dir.resolve("lines.jsonl").toString());
        assertThat(broken.getSourceTopic()).isNull();

        DeadLetter binary = letters.get(dir.resolve("garbage.txt").toString()).value();
        assertThat(binary.getReason()).isEqualTo("not-utf8");
        assertThat(bytes(binary.getOriginalValue())).containsExactly(GARBAGE);

        DeadLetter empty = letters.get(dir.resolve("empty.txt").toString()).value();
        assertThat(empty.getReason()).isEqualTo("empty");
        assertThat(empty.getOriginalValue().remaining()).isZero();
    }

    @Test
    void refusesToStartWithoutTheDeadLetterTopic() throws Exception {
        try (TestKafka bare = TestKafka.start()) {
            bare.createTopics(List.of(fixture.topics.articles(), fixture.topics.ingestSeen()));
            KafkaSettings props = KafkaSettings.of(Map.of("bootstrap.servers", bare.bootstrapServers()));

            assertThatThrownBy(() -> ArticleIngest.open(IngestConfig.defaults(IngestChannel.FILES), props,
                    new SimpleMeterRegistry(), Clock.systemUTC(), line -> { }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("topic news.dead-letter does not exist");
        }
    }
}
