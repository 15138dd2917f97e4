package io.bellwether.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.avro.Article;
import io.bellwether.ingest.source.FileSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker process stops and starts again in the middle of an import: every article lands exactly once. */
class BrokerRestartKafkaTest {
    private static final int ARTICLES = 3000;

    @TempDir
    Path dir;

    @Test
    void losesNothingAndDuplicatesNothingWhenTheBrokerRestartsDuringIngest() throws Exception {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < ARTICLES; i++) {
            jsonl.append("{\"title\":\"restart ").append(i).append("\",\"body\":\"text ").append(i)
                    .append("\",\"publishedAt\":\"2025-05-01T10:00:00Z\"}\n");
        }
        Path file = Files.writeString(dir.resolve("many.jsonl"), jsonl);
        try (IngestKafka fixture = IngestKafka.start()) {
            ArticleIngest ingest = fixture.open(IngestConfig.defaults(IngestChannel.FILES).withProgressEvery(200),
                    Clock.systemUTC());
            CompletableFuture<IngestSummary> run = CompletableFuture.supplyAsync(() -> {
                try (ingest) {
                    new FileSource().read(List.of(file), ingest::accept);
                    ingest.flush();
                    return ingest.summary();
                }
            });
            awaitProgress(fixture.progress, "400 articles read");
            fixture.kafka.restartBroker(Duration.ofSeconds(3));
            IngestSummary summary = run.get(180, TimeUnit.SECONDS);

            assertThat(summary).isEqualTo(new IngestSummary(ARTICLES, 0, 0));
            List<ConsumerRecord<String, Article>> records = fixture.articles(ARTICLES + 1, Duration.ofSeconds(15));
            assertThat(records).hasSize(ARTICLES);
            assertThat(records).extracting(ConsumerRecord::key).doesNotHaveDuplicates();
        }
    }

    private static void awaitProgress(List<String> progress, String prefix) throws InterruptedException {
        for (int i = 0; i < 600 && progress.stream().noneMatch(line -> line.startsWith(prefix)); i++) {
            Thread.sleep(50);
        }
        assertThat(progress).anyMatch(line -> line.startsWith(prefix));
    }
}
