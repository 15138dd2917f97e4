package io.bellwether.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bellwether.avro.Article;
import io.bellwether.runtime.testing.TestArticles;
import io.bellwether.runtime.testing.TestKafka;
import io.bellwether.schemas.AvroJson;
import io.bellwether.schemas.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    private static final Topics TOPICS = new Topics();
    private static final Instant OCT = Instant.parse("2026-10-05T00:00:00Z");
    private static final Instant SEP = Instant.parse("2026-09-05T00:00:00Z");
    private static TestKafka kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        kafka = TestKafka.start();
        kafka.createTopics(TOPICS.all());
        List<Article> articles = new ArrayList<>();
        for (Instant base : List.of(OCT, SEP)) {
            String tag = base.equals(OCT) ? "oct" : "sep";
            articles.add(TestArticles.article(tag + "-before", base.minusSeconds(1), "Just before the range"));
            for (int i = 0; i < 5; i++) {
                articles.add(TestArticles.article(tag + "-in-" + i, base.plus(Duration.ofHours(5 - i)),
                        "Open weights story " + i));
            }
            articles.add(TestArticles.article(tag + "-at-end", base.plus(Duration.ofDays(1)), "Exactly at the end"));
        }
        TestArticles.produce(kafka.bootstrapServers(), TOPICS.articles(), articles);
    }

    @AfterAll
    static void stop() throws Exception {
        kafka.close();
    }

    @Test
    void exportsTheRangeAsJsonLinesThatIngestFilesReadsBackWithTheOriginalIdsAndEventTimes() throws Exception {
        Path out = dir.resolve("articles.jsonl");
        CommandRun export = run("export", "--topic", "news.articles", "--from", OCT.toString(),
                "--to", OCT.plus(Duration.ofDays(1)).toString(), "--out", out.toString());
        assertThat(export.code()).as(export.output()).isZero();

        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        Map<String, Article> inRange = kafka.read(TOPICS.articles(), 14, Duration.ofSeconds(20)).stream()
                .map(ConsumerRecord::value).filter(article -> article.getId().startsWith("oct-in-"))
                .collect(Collectors.toMap(Article::getId, article -> article));
        AvroJson json = new AvroJson();
        assertThat(lines).containsExactlyInAnyOrderElementsOf(inRange.values().stream().map(json::write).toList());

        CommandRun ingest = run("ingest", "files", out.toString(), "--http-port", "0");
        assertThat(ingest.code()).as(ingest.output()).isZero();
        List<ConsumerRecord<String, Article>> all = kafka.read(TOPICS.articles(), 19, Duration.ofSeconds(30));
        List<ConsumerRecord<String, Article>> backfilled = all.stream()
                .filter(record -> !record.value().getIngestedAt().equals(TestArticles.INGESTED)).toList();
        assertThat(backfilled).hasSize(5).allSatisfy(record -> {
            Article original = inRange.get(record.key());
            assertThat(original).isNotNull();
            assertThat(record.value().getId()).isEqualTo(original.getId());
            assertThat(record.value().getPublishedAt()).isEqualTo(original.getPublishedAt());
            assertThat(record.timestamp()).isEqualTo(original.getPublishedAt().toEpochMilli());
            assertThat(record.value().getTitle()).isEqualTo(original.getTitle());
            assertThat(record.value().getBody()).isEqualTo(original.getBody());
        });
    }

    @Test
    void writesAnAvroContainerFileThatAvroToolsReads() throws Exception {
        Path out = dir.resolve("articles.avro");
        CommandRun export = run("export", "--topic", "news.articles", "--from", SEP.toString(),
                "--to", SEP.plus(Duration.ofDays(1)).toString(), "--format", "avro", "--out", out.toString());
        assertThat(export.code()).as(export.output()).isZero();

        List<JsonNode> records = avroToolsToJson(out);
        assertThat(records).extracting(node -> node.get("id").asText())
                .containsExactlyInAnyOrder("sep-in-0", "sep-in-1", "sep-in-2", "sep-in-3", "sep-in-4");
        assertThat(records).allSatisfy(node -> assertThat(node.get("title").asText()).startsWith("Open weights"));
        assertThat(export.output()).contains("wrote 5 records");
    }

    private static List<JsonNode> avroToolsToJson(Path file) throws IOException, InterruptedException {
        Path jar = Path.of("target", "avro-tools", "avro-tools.jar");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "tojson", file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(stdout).isZero();
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (!line.isBlank()) {
                nodes.add(mapper.readTree(line));
            }
        }
        return nodes;
    }

    private static CommandRun run(String... args) {
        return CommandRun.run(kafka.bootstrapServers(), args);
    }
}
