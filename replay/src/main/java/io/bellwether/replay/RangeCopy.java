package io.bellwether.replay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Copies the articles of a time range into a replay's private one-partition input topic, in event-time order
 * (ties by key, then source partition and offset), in one transaction: source topic and range in, the number of
 * records copied out. The bytes are copied unchanged, so a record that does not decode is dead-lettered by the
 * replay exactly as it was live. The range is sorted in memory.
 */
final class RangeCopy {
    private static final Comparator<ConsumerRecord<byte[], byte[]>> EVENT_TIME_ORDER =
            Comparator.<ConsumerRecord<byte[], byte[]>>comparingLong(ConsumerRecord::timestamp)
                    .thenComparing(record -> keyText(record.key()))
                    .thenComparingInt(ConsumerRecord::partition)
                    .thenComparingLong(ConsumerRecord::offset);

    private final RangeReader reader;
    private final Properties producer;

    /** {@code transactionalProducer} as from {@code KafkaSettings.producer(transactionalId)}. */
    RangeCopy(RangeReader reader, Properties transactionalProducer) {
        this.reader = reader;
        this.producer = transactionalProducer;
    }

    long copy(String source, TimeRange range, String target, Consumer<ScanProgress> progress) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        reader.read(source, range, records::add, progress);
        records.sort(EVENT_TIME_ORDER);
        try (KafkaProducer<byte[], byte[]> out =
                     new KafkaProducer<>(producer, new ByteArraySerializer(), new ByteArraySerializer())) {
            out.initTransactions();
            out.beginTransaction();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                out.send(new ProducerRecord<>(target, 0, record.timestamp(), record.key(), record.value(),
                        record.headers()));
            }
            out.commitTransaction();
        }
        return records.size();
    }

    private static String keyText(byte[] key) {
        return key == null ? "" : new String(key, StandardCharsets.UTF_8);
    }
}
