package io.bellwether.bench;

import io.bellwether.runtime.kafka.KafkaSettings;
import io.bellwether.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Ids submitted to ingest in, their arrival on the enriched or dead-letter topic ({@code read_committed}, from
 * the end of the topics as they were at start) out: counts, ids seen twice, and the latency from submission to
 * arrival of each article, on a thread of its own.
 */
final class EnrichWatch implements AutoCloseable {
    private final Map<String, Long> submitted = new ConcurrentHashMap<>();
    private final Set<String> arrived = ConcurrentHashMap.newKeySet();
    private final List<Long> latenciesMs = new ArrayList<>();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Topics topics;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long duplicates;
    private volatile long deadLetters;
    private volatile RuntimeException failure;

    EnrichWatch(KafkaSettings kafka, Topics topics) {
        this.topics = topics;
        this.consumer = new KafkaConsumer<>(kafka.reader(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(topics.enriched().name(), topics.deadLetter().name())) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.thread = new Thread(this::read, "load-enrich-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Notes that {@code id} was handed to ingest now. */
    void submitted(String id) {
        submitted.put(id, System.nanoTime());
    }

    long arrivedCount() {
        return arrived.size();
    }

    long duplicates() {
        return duplicates;
    }

    long deadLetters() {
        return deadLetters;
    }

    /** The latencies recorded since the last call, in milliseconds; the watch forgets them. */
    synchronized List<Long> takeLatencies() {
        List<Long> taken = new ArrayList<>(latenciesMs);
        latenciesMs.clear();
        return taken;
    }

    private void read() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    arrive(record);
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close();
        }
    }

    private void arrive(ConsumerRecord<byte[], byte[]> record) {
        String id = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
        Long since = submitted.get(id);
        if (since == null) {
            return;
        }
        if (!arrived.add(id)) {
            duplicates++;
            return;
        }
        if (record.topic().equals(topics.deadLetter().name())) {
            deadLetters++;
        }
        synchronized (this) {
            latenciesMs.add((System.nanoTime() - since) / 1_000_000);
        }
    }

    /** Rethrows what stopped the reader thread, if anything did. */
    void check() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
