package io.bellwether.reliability;

import io.bellwether.runtime.kafka.PartitionEnds;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What a topic holds below the transactional surface, for a drill's failure message: per partition the high
 * watermark and the last stable offset (an open transaction holds read_committed readers below it), and where the
 * given keys sit in the uncommitted log. It tells a record never written from one written but not (yet) visible.
 */
final class OutputInspection {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Properties client;

    OutputInspection(Properties client) {
        this.client = client;
    }

    /** Partition to {high watermark, last stable offset}. */
    Map<Integer, long[]> ends(String topic) {
        Map<Integer, long[]> out = new TreeMap<>();
        try (PartitionEnds ends = new PartitionEnds(client, TIMEOUT)) {
            ends.read(List.of(topic)).forEach((partition, end) -> out.put(partition.partition(),
                    new long[] {end.highWatermark(), end.stable()}));
        }
        return out;
    }

    /** True when some partition of {@code topic} has an open transaction (last stable offset below the end). */
    boolean hasOpenTransaction(String topic) {
        return ends(topic).values().stream().anyMatch(end -> end[1] < end[0]);
    }

    /** One line per partition and one per key: where {@code keys} are in the uncommitted log of {@code topic}. */
    String describe(String topic, Collection<String> keys) {
        StringBuilder out = new StringBuilder(topic).append(":\n");
        ends(topic).forEach((partition, end) -> out.append("  partition ").append(partition)
                .append(": high watermark ").append(end[0]).append(", last stable offset ").append(end[1]).append('\n'));
        Map<String, List<String>> places = positions(topic, Set.copyOf(keys));
        for (String key : new TreeSet<>(keys)) {
            List<String> at = places.getOrDefault(key, List.of());
            out.append("  ").append(key).append(": ")
                    .append(at.isEmpty() ? "not in the log at all" : "in the uncommitted log at " + at).append('\n');
        }
        return out.toString();
    }

    private Map<String, List<String>> positions(String topic, Set<String> keys) {
        Map<String, List<String>> places = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer("read_uncommitted")) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition, TIMEOUT) < ends.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                    if (keys.contains(key)) {
                        places.computeIfAbsent(key, k -> new ArrayList<>())
                                .add(record.partition() + "@" + record.offset());
                    }
                }
            }
        }
        return places;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic, TIMEOUT).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private KafkaConsumer<byte[], byte[]> consumer(String isolation) {
        Properties props = new Properties();
        props.putAll(client);
        props.put("isolation.level", isolation);
        props.put("enable.auto.commit", "false");
        props.remove("group.id");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
