package io.bellwether.runtime.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Whether a consumer group has consumed every committed record of its input topics: group and topics in, yes or
 * no out. Transaction markers make offset lag never reach exactly 0, so instead of comparing offsets this reads,
 * read_committed, from each committed offset to the end and looks for a data record. Topics are checked in the
 * order given, upstream first, against one snapshot of the group's offsets: once an upstream topic is drained,
 * everything the group wrote to its own repartition topics from it is committed and visible.
 */
public final class GroupDrain implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int MAX_EMPTY_POLLS = 50;

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> consumer;

    public GroupDrain(Properties adminProperties, Properties readerProperties) {
        this.admin = Admin.create(adminProperties);
        Properties reader = new Properties();
        reader.putAll(readerProperties);
        reader.put("isolation.level", "read_committed");
        reader.remove("group.id");
        this.consumer = new KafkaConsumer<>(reader, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The group's committed offsets (empty before its first commit). */
    public Map<TopicPartition, Long> committed(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> out = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    out.put(partition, offset.offset());
                }
            });
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading offsets of " + group, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read offsets of " + group + ": " + e.getCause().getMessage(), e);
        }
    }

    /**
     * A Streams application's input topic, then those of its repartition topics {@code <applicationId>-<name>-
     * repartition} for the given names that exist so far (the enrichment's story stage has three, the aggregation
     * one): an application is drained only when those are too, since what it writes to them comes out one or more
     * commits after its input was consumed. Names, not a prefix: another application's id may begin with this one
     * (a replay's {@code bellwether-enrich-replay-NAME} begins with {@code bellwether-enrich}). Listed, not looked
     * up, so that no call here creates a topic before Streams does.
     */
    public List<String> inputs(String input, String applicationId, Collection<String> repartitionNames) {
        Set<String> wanted = new TreeSet<>();
        repartitionNames.forEach(name -> wanted.add(applicationId + "-" + name + "-repartition"));
        List<String> inputs = new ArrayList<>();
        inputs.add(input);
        try {
            Set<String> existing = admin.listTopics().names().get();
            wanted.stream().filter(existing::contains).forEach(inputs::add);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics: " + e.getCause().getMessage(), e);
        }
        return inputs;
    }

    /** Whether {@code group} has no committed data record left in any of the topics (read upstream first). */
    public boolean drained(String group, List<String> topicsUpstreamFirst) {
        Map<TopicPartition, Long> committed = committed(group);
        for (String topic : topicsUpstreamFirst) {
            for (PartitionInfo info : consumer.partitionsFor(topic, TIMEOUT)) {
                TopicPartition partition = new TopicPartition(topic, info.partition());
                if (hasDataFrom(partition, committed.get(partition))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether {@code partition} holds a committed data record from {@code committedOffset} (null: the start) on. */
    public boolean hasDataFrom(TopicPartition partition, Long committedOffset) {
        return hasData(partition, committedOffset, endOffset(partition), Long.MAX_VALUE);
    }

    /**
     * Whether {@code partition} holds a committed data record in [{@code from}, {@code to}) ({@code from} null: the
     * start): a consumer committed at {@code from} has then consumed everything written before {@code to}, markers
     * aside, when there is none.
     */
    public boolean hasDataBetween(TopicPartition partition, Long from, long to) {
        return hasData(partition, from, to, to);
    }

    /** The partition's end offset, read_committed (its last stable offset). */
    public long endOffset(TopicPartition partition) {
        return consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
    }

    private boolean hasData(TopicPartition partition, Long from, long readTo, long countBelow) {
        consumer.assign(List.of(partition));
        if (from == null) {
            consumer.seekToBeginning(List.of(partition));
        } else {
            consumer.seek(partition, from);
        }
        for (int polls = 0; consumer.position(partition, TIMEOUT) < readTo; polls++) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < countBelow) {
                    return true;
                }
            }
            if (polls == MAX_EMPTY_POLLS) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        consumer.close();
        admin.close();
    }
}
