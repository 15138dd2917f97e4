package io.bellwether.replay;

import io.bellwether.runtime.kafka.KafkaUnavailableException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the committed records of a topic whose timestamps lie in a {@link TimeRange}: a topic name and range in,
 * raw records to a handler out, with {@link ScanProgress} along the way. Each partition is read from
 * {@code offsetsForTimes(from)} (every earlier offset is older than {@code from}) up to its end when the scan
 * starts; timestamps are event times and need not grow with the offset, so every record is checked.
 */
public final class RangeReader {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);
    private static final long PROGRESS_EVERY_NANOS = Duration.ofSeconds(2).toNanos();

    private final Properties reader;

    /** {@code readerProperties} as from {@code KafkaSettings.reader()}; read_committed is enforced. */
    public RangeReader(Properties readerProperties) {
        this.reader = new Properties();
        this.reader.putAll(readerProperties);
        this.reader.put("isolation.level", "read_committed");
        this.reader.put("enable.auto.commit", "false");
        this.reader.remove("group.id");
    }

    /** Hands every record of {@code topic} in {@code range} to {@code handler}; returns the final progress. */
    public ScanProgress read(String topic, TimeRange range, Consumer<ConsumerRecord<byte[], byte[]>> handler,
                             Consumer<ScanProgress> progress) {
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(reader, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Map<TopicPartition, Long> ends = new HashMap<>();
            Map<TopicPartition, Long> starts = bounds(consumer, topic, range, ends);
            long total = 0;
            for (TopicPartition partition : starts.keySet()) {
                total += ends.get(partition) - starts.get(partition);
            }
            consumer.assign(starts.keySet());
            starts.forEach(consumer::seek);
            return scan(consumer, new Scan(starts, ends, total), range, handler, progress);
        }
    }

    private Map<TopicPartition, Long> bounds(KafkaConsumer<byte[], byte[]> consumer, String topic, TimeRange range,
                                             Map<TopicPartition, Long> ends) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new KafkaUnavailableException("topic " + topic + " does not exist on "
                    + reader.get("bootstrap.servers"), null);
        }
        Map<TopicPartition, Long> query = new HashMap<>();
        infos.forEach(info -> query.put(new TopicPartition(topic, info.partition()), range.from().toEpochMilli()));
        ends.putAll(consumer.endOffsets(query.keySet(), METADATA_TIMEOUT));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, METADATA_TIMEOUT);
        // No offset for the time is not proof of no record: when a partition's first segment holds only a control
        // batch (the marker of an aborted transaction whose records compaction removed), the broker answers none
        // for it although later segments hold records. So such a partition is read from its beginning; every record
        // is checked against the range anyway.
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(query.keySet(), METADATA_TIMEOUT);
        Map<TopicPartition, Long> starts = new HashMap<>();
        for (TopicPartition partition : query.keySet()) {
            OffsetAndTimestamp first = found.get(partition);
            long start = first == null ? beginnings.get(partition) : first.offset();
            if (start < ends.get(partition)) {
                starts.put(partition, start);
            }
        }
        return starts;
    }

    private static ScanProgress scan(KafkaConsumer<byte[], byte[]> consumer, Scan scan, TimeRange range,
                                     Consumer<ConsumerRecord<byte[], byte[]>> handler,
                                     Consumer<ScanProgress> progress) {
        long kept = 0;
        long lastReport = System.nanoTime();
        scan.pauseFinished(consumer);
        while (!scan.done(consumer)) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < scan.ends().get(partition) && range.contains(record.timestamp())) {
                    handler.accept(record);
                    kept++;
                }
            }
            scan.pauseFinished(consumer);
            if (System.nanoTime() - lastReport >= PROGRESS_EVERY_NANOS) {
                progress.accept(new ScanProgress(scan.scanned(consumer), scan.total(), kept));
                lastReport = System.nanoTime();
            }
        }
        ScanProgress last = new ScanProgress(scan.total(), scan.total(), kept);
        progress.accept(last);
        return last;
    }
}
