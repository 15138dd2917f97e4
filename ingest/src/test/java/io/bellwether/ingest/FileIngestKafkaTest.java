package io.bellwether.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.bellwether.avro.Article;
import io.bellwether.ingest.source.FileSource;
import io.bellwether.runtime.kafka.PartitionEnds;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files to a real broker: what lands on news.articles, and that dedup survives a restart of ingest. */
class FileIngestKafkaTest {
    private static final Instant MTIME = Instant.parse("2025-04-01T12:00:00Z");
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

    private IngestSummary ingest(IngestConfig config, Path... paths) {
        try (ArticleIngest ingest = fixture.open(config, Clock.systemUTC())) {
            new FileSource().read(List.of(paths), ingest::accept);
            ingest.flush();
            return ingest.summary();
        }
    }

    private Path corpus(String tag) throws IOException {
        Path root = Files.createDirectories(dir.resolve(tag));
        Path txt = Files.writeString(root.resolve("a.txt"), tag + " plain title\nPlain body about open weights.");
        Files.setLastModifiedTime(txt, FileTime.from(MTIME));
        Files.writeString(root.resolve("b.json"), "{\"title\":\"" + tag + " json\",\"body\":\"B\",\"url\":"
                + "\"https://n.example/" + tag + "/b?utm_source=x\",\"publishedAt\":\"2025-05-01T10:00:00Z\"}");
        Files.writeString(root.resolve("c.jsonl"), "{\"title\":\"" + tag + " l1\",\"body\":\"x\",\"publishedAt\":"
                + "\"2025-05-02T10:00:00Z\"}\nnot json\n{\"title\":\"" + tag + " l3\",\"body\":\"y\",\"publishedAt\":"
                + "\"1970-01-01T00:00:00Z\"}\n{\"title\":\"" + tag + " l4\",\"body\":\"z\",\"publishedAt\":"
                + "\"2025-05-03T10:00:00Z\"}\n");
        Files.writeString(root.resolve("d.html"), "<html><head><title>" + tag + " page</title><meta property="
                + "\"article:published_time\" content=\"2025-05-04T10:00:00Z\"></head><body><article><p>Page text."
                + "</p></article></body></html>");
        return root;
    }

    private static Map<String, ConsumerRecord<String, Article>> byTitle(List<ConsumerRecord<String, Article>> all,
            String tag) {
        return all.stream().filter(record -> record.value().getTitle().startsWith(tag + " "))
                .collect(Collectors.toMap(record -> record.value().getTitle(), Function.identity()));
    }

    @Test
    void publishesEachArticleKeyedByIdWithItsPublicationTimeAsTimestamp() throws IOException {
        IngestSummary summary = ingest(IngestConfig.defaults(IngestChannel.FILES), corpus("first"));
        assertThat(summary).isEqualTo(new IngestSummary(5, 0, 2));
        assertThat(summary.exitCode()).isEqualTo(1);
        assertThat(fixture.progress).anyMatch(line -> line.matches("skipped .*c\\.jsonl:2: invalid JSON.*"))
                .anyMatch(line -> line.matches("skipped .*c\\.jsonl:3: publishedAt 1970.* is before 1990.*"));

        Map<String, ConsumerRecord<String, Article>> records = byTitle(fixture.articles(100, Duration.ofSeconds(5)),
                "first");
        assertThat(records).containsOnlyKeys("first plain title", "first json", "first l1", "first l4", "first page");
        records.values().forEach(record -> {
            assertThat(record.key()).isEqualTo(record.value().getId()).hasSize(32);
            assertThat(record.timestamp()).isEqualTo(record.value().getPublishedAt().toEpochMilli());
        });
        assertThat(records.get("first plain title").value().getPublishedAt()).isEqualTo(MTIME);
        assertThat(records.get("first json").value().getUrl()).isEqualTo("https://n.example/first/b");
        assertThat(records.get("first page").value().getPublishedAt()).isEqualTo(Instant.parse("2025-05-04T10:00:00Z"));
    }

    @Test
    void publishesNothingTwiceAcrossARestart() throws IOException {
        Path corpus = corpus("again");
        IngestConfig config = IngestConfig.defaults(IngestChannel.FILES)
                .withPublish(PublishOptions.defaults(IngestChannel.FILES).withBatch(2, Duration.ofSeconds(1)));
        assertThat(ingest(config, corpus).published()).isEqualTo(5);

        IngestSummary second = ingest(config, corpus);

        assertThat(second).isEqualTo(new IngestSummary(0, 5, 2));
        assertThat(byTitle(fixture.articles(1000, Duration.ofSeconds(5)), "again")).hasSize(5);
        assertThat(fixture.progress).anyMatch(line -> line.startsWith("dedup: ") && !line.equals("dedup: 0 ids "
                + "already published"));
    }

    /**
     * A predecessor with the same transactional id whose last transaction is still open when ingest starts (a
     * crash; a commit whose markers are still on their way is the same race, only shorter): ingest completes it
     * before it reads the seen ids, so what it reads is the seen topic's whole log, not a prefix that stops at the
     * open transaction.
     */
    @Test
    void completesAPredecessorsOpenTransactionBeforeReadingTheSeenIds() throws Exception {
        IngestConfig config = IngestConfig.defaults(IngestChannel.FILES);
        Properties producerProps = fixture.clientProps().producer(config.publish().transactionalId());
        String seenTopic = fixture.topics.ingestSeen().name();
        try (KafkaProducer<byte[], byte[]> predecessor = new KafkaProducer<>(producerProps,
                new ByteArraySerializer(), new ByteArraySerializer())) {
            predecessor.initTransactions();
            predecessor.beginTransaction();
            predecessor.send(new ProducerRecord<>(seenTopic, "0123456789abcdef0123456789abcdef".getBytes(UTF_8),
                    "2025-05-01T10:00:00Z".getBytes(UTF_8))).get();

            try (ArticleIngest ingest = fixture.open(config, Clock.systemUTC())) {
                try (PartitionEnds ends = new PartitionEnds(fixture.clientProps().admin(), Duration.ofSeconds(10))) {
                    assertThat(ends.read(List.of(seenTopic))).allSatisfy((partition, end) ->
                            assertThat(end.stable()).as(partition.toString()).isEqualTo(end.highWatermark()));
                }
            }
            assertThatThrownBy(predecessor::commitTransaction).isInstanceOf(ProducerFencedException.class);
        }
    }

    @Test
    void keepsTheIdsAndEventTimesOfABellwetherExport() throws IOException {
        Path export = Files.writeString(dir.resolve("export.jsonl"), "{\"id\":\"feedfacefeedfacefeedfacefeedface\","
                + "\"title\":\"backfilled\",\"body\":\"old text\",\"source\":\"archive\",\"publishedAt\":"
                + "\"2024-11-05T06:07:08Z\",\"ingestedAt\":\"2024-11-05T07:00:00Z\",\"ingestChannel\":\"rss\"}\n");

        ingest(IngestConfig.defaults(IngestChannel.FILES), export);

        ConsumerRecord<String, Article> record = fixture.articles(1000, Duration.ofSeconds(5)).stream()
                .filter(r -> r.value().getTitle().equals("backfilled")).findFirst()
                .orElseGet(() -> fail("backfilled article not on the topic"));
        assertThat(record.key()).isEqualTo("feedfacefeedfacefeedfacefeedface");
        assertThat(record.timestamp()).isEqualTo(Instant.parse("2024-11-05T06:07:08Z").toEpochMilli());
        assertThat(record.value().getIngestChannel()).isEqualTo("files");
    }

    @Test
    void reportsProgressAndCountsInMeters() throws IOException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<String> lines = new ArrayList<>();
        try (ArticleIngest ingest = ArticleIngest.open(IngestConfig.defaults(IngestChannel.FILES).withProgressEvery(2),
                fixture.clientProps(), registry, Clock.systemUTC(), lines::add)) {
            new FileSource().read(List.of(corpus("metered")), ingest::accept);
        }
        assertThat(registry.get("ingest.articles.published").tag("channel", "files").counter().count()).isEqualTo(5);
        assertThat(registry.get("ingest.articles.skipped").counter().count()).isEqualTo(2);
        assertThat(registry.get("ingest.transactions.committed").counter().count()).isEqualTo(1);
        double seenBefore = Double.parseDouble(lines.get(0).replaceAll("\\D+", ""));
        assertThat(registry.get("ingest.seen.ids").gauge().value()).isEqualTo(seenBefore + 5);
        assertThat(lines).anyMatch(line -> line.matches("\\d+ articles read \\(\\d+/s\\): published .*"));
    }

    @Test
    void kcatCountsEveryPublishedArticleOnce() throws Exception {
        ingest(IngestConfig.defaults(IngestChannel.FILES), corpus("kcat"));
        List<String> ids = byTitle(fixture.articles(1000, Duration.ofSeconds(5)), "kcat").values().stream()
                .map(ConsumerRecord::key).toList();

        List<String> keys = new Kcat().keys(fixture.kafka.bootstrapServers(), "news.articles");

        assertThat(ids).hasSize(5);
        assertThat(keys).containsAll(ids).doesNotHaveDuplicates();
    }
}
