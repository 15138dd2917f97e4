package io.bellwether.ingest.publish;

import io.bellwether.ingest.ProgressSink;
import io.bellwether.schemas.Topic;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The ids ingest has already published, read in full from the compacted seen topic at start (committed
 * transactions only) and extended as batches commit. Only ids are held: about 120 bytes per article.
 */
public final class SeenIds {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration ATTEMPT = Duration.ofSeconds(10);
    private final Set<String> ids = new HashSet<>();

    /** Reads {@code topic} from the beginning to its last stable offset; a tombstone forgets an id. */
    public static SeenIds load(Properties readerProps, Topic<String, String> topic, Duration timeout,
            ProgressSink progress) {
        SeenIds seen = new SeenIds();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(readerProps, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer, topic.name(), timeout, progress);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            Map<TopicPartition, Long> ends = endOffsets(consumer, partitions, deadline, progress);
            long quietSince = System.nanoTime();
            while (!caughtUp(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic.name() + " within " + timeout);
                }
                int read = 0;
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    seen.apply(topic.keySerde().deserializer().deserialize(topic.name(), record.key()),
                            record.value() != null);
                    read++;
                }
                if (read > 0) {
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince > ATTEMPT.toNanos()) {
                    progress.line("broker not answering, still waiting: reading " + topic.name() + " ("
                            + seen.size() + " ids so far)");
                    quietSince = System.nanoTime();
                }
            }
        }
        return seen;
    }

    /**
     * Fails with the same message as {@link #load} when {@code topic} does not exist: ingest writes to it only
     * once an input is rejected, and a missing topic would then look like a broker outage.
     */
    public static void requireTopic(Properties readerProps, String topic, Duration timeout, ProgressSink progress) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(readerProps, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            partitions(consumer, topic, timeout, progress);
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic,
            Duration timeout, ProgressSink progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, ATTEMPT);
                if (infos == null || infos.isEmpty()) {
                    throw new IllegalStateException("topic " + topic + " does not exist: create the Bellwether "
                            + "topics before ingesting");
                }
                return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                progress.line("broker unreachable, retrying (attempt " + attempt + "): reading " + topic);
            }
        }
    }

    /**
     * The end offsets, asked in {@link #ATTEMPT}-long tries with a line after each: a broker that holds the metadata
     * but not the partitions (its log directory failed) kept this call silent for the whole timeout.
     */
    private static Map<TopicPartition, Long> endOffsets(KafkaConsumer<byte[], byte[]> consumer,
            List<TopicPartition> partitions, long deadline, ProgressSink progress) {
        for (int attempt = 1; ; attempt++) {
            try {
                return consumer.endOffsets(partitions, ATTEMPT);
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                progress.line("broker unreachable, retrying (attempt " + attempt + "): end offsets of "
                        + partitions.get(0).topic());
            }
        }
    }

    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void apply(String id, boolean present) {
        if (id == null) {
            return;
        }
        if (present) {
            ids.add(id);
        } else {
            ids.remove(id);
        }
    }

    public boolean contains(String id) {
        return ids.contains(id);
    }

    public void addAll(Iterable<String> committed) {
        committed.forEach(ids::add);
    }

    public int size() {
        return ids.size();
    }
}
