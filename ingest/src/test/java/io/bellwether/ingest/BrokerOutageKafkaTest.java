package io.bellwether.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.avro.Article;
import io.bellwether.ingest.source.FileSource;
import io.bellwether.runtime.kafka.KafkaSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest while the broker cannot be reached: it says so, keeps retrying, and once the broker is back publishes
 * every article exactly once. (The broker is cut off by a gate in front of it, not restarted.)
 */
class BrokerOutageKafkaTest {
    @TempDir
    Path dir;

    @Test
    void retriesWhileTheBrokerIsUnreachableAndPublishesEverythingOnceItIsBack() throws Exception {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            jsonl.append("{\"title\":\"outage ").append(i).append("\",\"body\":\"b\",\"publishedAt\":")
                    .append("\"2025-05-01T10:00:00Z\"}\n");
        }
        Path file = Files.writeString(dir.resolve("many.jsonl"), jsonl);
        List<String> progress = new CopyOnWriteArrayList<>();
        try (IngestKafka fixture = IngestKafka.start(); TcpGate gate = new TcpGate(fixture.kafka.bootstrapServers())) {
            gate.open();
            KafkaSettings props = KafkaSettings.of(Map.of("bootstrap.servers", gate.address(),
                    "kafka.max.block.ms", "1000"));
            ArticleIngest ingest = ArticleIngest.open(IngestConfig.defaults(IngestChannel.FILES), props,
                    new SimpleMeterRegistry(), Clock.systemUTC(), progress::add);
            gate.shut();

            CompletableFuture<IngestSummary> run = CompletableFuture.supplyAsync(() -> {
                try (ingest) {
                    new FileSource().read(List.of(file), ingest::accept);
                    ingest.flush();
                    return ingest.summary();
                }
            });
            awaitLine(progress, "broker unreachable, retrying (attempt 2)");
            gate.open();
            IngestSummary summary = run.get(120, TimeUnit.SECONDS);

            assertThat(summary).isEqualTo(new IngestSummary(250, 0, 0));
            List<ConsumerRecord<String, Article>> records = fixture.articles(251, Duration.ofSeconds(10));
            assertThat(records).hasSize(250);
            assertThat(records).extracting(ConsumerRecord::key).doesNotHaveDuplicates();
        }
    }

    private static void awaitLine(List<String> progress, String prefix) throws InterruptedException {
        for (int i = 0; i < 600 && progress.stream().noneMatch(line -> line.startsWith(prefix)); i++) {
            Thread.sleep(100);
        }
        assertThat(progress).anyMatch(line -> line.startsWith(prefix));
    }
}
