package io.bellwether.bench;

import io.bellwether.runtime.kafka.KafkaSettings;
import io.bellwether.schemas.Topics;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads the enriched and dead-letter topics ({@code read_committed}) until a given number of records arrived. */
final class EnrichedReader {
    private static final Duration GIVE_UP = Duration.ofHours(2);
    private static final String PROCESSING_MS = "bellwether.processing-ms";

    private final KafkaSettings kafka;
    private final Topics topics;

    EnrichedReader(KafkaSettings kafka, Topics topics) {
        this.kafka = kafka;
        this.topics = topics;
    }

    record Read(int enriched, int deadLetters, long lastReadNanos, List<Long> processingMs, List<Long> endToEndMs,
                Map<Integer, Long> processingMsByPartition, Map<Integer, Long> lastReadNanosByPartition) {
    }

    /** Waits for {@code expected} records whose key passes {@code counted}; the others are read past. */
    Read await(int expected, Predicate<String> counted, PrintWriter progress) {
        Properties props = kafka.reader();
        List<Long> processing = new ArrayList<>();
        List<Long> endToEnd = new ArrayList<>();
        Map<Integer, Long> byPartition = new TreeMap<>();
        Map<Integer, Long> lastByPartition = new TreeMap<>();
        int enriched = 0;
        int dead = 0;
        long lastRead = System.nanoTime();
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(partitions(consumer));
            while (enriched + dead < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() == null || !counted.test(new String(record.key(), StandardCharsets.UTF_8))) {
                        continue;
                    }
                    lastRead = System.nanoTime();
                    lastByPartition.put(record.partition(), lastRead);
                    if (record.topic().equals(topics.enriched().name())) {
                        enriched++;
                        endToEnd.add(System.currentTimeMillis() - record.timestamp());
                        Header header = record.headers().lastHeader(PROCESSING_MS);
                        if (header != null) {
                            long ms = Long.parseLong(new String(header.value(), StandardCharsets.UTF_8));
                            processing.add(ms);
                            // The sink keys as the source does, so the output partition is the input partition.
                            byPartition.merge(record.partition(), ms, Long::sum);
                        }
                    } else {
                        dead++;
                    }
                    int done = enriched + dead;
                    if (done % Math.max(1, expected / 10) == 0) {
                        progress.println("  stream: " + done + "/" + expected + " read back");
                        progress.flush();
                    }
                }
            }
        }
        return new Read(enriched, dead, lastRead, processing, endToEnd, byPartition, lastByPartition);
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(topics.enriched().name(), topics.deadLetter().name())) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        return partitions;
    }
}
