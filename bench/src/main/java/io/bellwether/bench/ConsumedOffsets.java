package io.bellwether.bench;

import io.bellwether.runtime.kafka.KafkaSettings;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Watches a consumer group's committed offsets on a topic: waits until they reach the topic's end offsets, or
 * tells the group's lag.
 */
final class ConsumedOffsets implements AutoCloseable {
    private final Admin admin;
    private final String group;

    ConsumedOffsets(KafkaSettings kafka, String group) {
        this.admin = Admin.create(kafka.admin());
        this.group = group;
    }

    /**
     * Waits until the group has committed everything {@code topic} holds now. On a transactional topic the last
     * commit marker of each partition may sit past the last committed offset, so up to one offset per partition short
     * also counts as done once it has stayed put for a second.
     */
    void awaitAllCommitted(String topic, PrintWriter progress) throws InterruptedException {
        try {
            Map<TopicPartition, Long> ends = endOffsets(topic);
            long total = ends.values().stream().mapToLong(Long::longValue).sum();
            long last = -1;
            int still = 0;
            while (true) {
                long committed = committed(ends);
                still = committed == last ? still + 1 : 0;
                if (committed >= total || committed >= total - ends.size() && still >= 10) {
                    return;
                }
                if (committed / Math.max(1, total / 10) != last / Math.max(1, total / 10)) {
                    progress.println("  " + topic + ": " + committed + "/" + total + " committed");
                    progress.flush();
                }
                last = committed;
                Thread.sleep(100);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read offsets of " + topic + ": " + e.getCause(), e);
        }
    }

    /**
     * Records of {@code topic} the group has not committed yet, summed over the partitions (transaction markers
     * may add up to one per partition).
     */
    long lag(String topic) {
        try {
            Map<TopicPartition, Long> ends = endOffsets(topic);
            return ends.values().stream().mapToLong(Long::longValue).sum() - committed(ends);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read offsets of " + topic + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading offsets of " + topic, e);
        }
    }

    private Map<TopicPartition, Long> endOffsets(String topic) throws ExecutionException, InterruptedException {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(
                info -> new TopicPartition(topic, info.partition()), info -> OffsetSpec.latest()));
        return admin.listOffsets(request).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /** Committed offsets summed over the partitions, each capped at its end (transaction markers sit past the data). */
    private long committed(Map<TopicPartition, Long> ends) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        return ends.entrySet().stream().mapToLong(end -> {
            OffsetAndMetadata offset = offsets.get(end.getKey());
            return offset == null ? 0 : Math.min(end.getValue(), offset.offset());
        }).sum();
    }

    @Override
    public void close() {
        admin.close();
    }
}
