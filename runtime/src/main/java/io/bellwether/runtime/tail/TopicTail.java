package io.bellwether.runtime.tail;

import io.bellwether.runtime.config.ConfigException;
import io.bellwether.runtime.kafka.KafkaUnavailableException;
import io.bellwether.schemas.Topic;
import io.bellwether.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a catalog topic (all partitions, no consumer group, {@code read_committed}) and hands each record to
 * {@code out} as one JSON line (see {@link TailFormat}); records it cannot decode become error lines, never a
 * crash. {@link #stop()} ends a running tail from another thread.
 */
public final class TopicTail {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final Properties reader;
    private final Topics catalog;
    private final Consumer<String> out;
    private final TailFormat format = new TailFormat();
    private volatile KafkaConsumer<byte[], byte[]> running;

    /** {@code readerProperties} as from {@code KafkaSettings.reader()}. */
    public TopicTail(Properties readerProperties, Topics catalog, Consumer<String> out) {
        this.reader = new Properties();
        this.reader.putAll(readerProperties);
        this.reader.put("isolation.level", "read_committed");
        this.catalog = catalog;
        this.out = out;
    }

    /**
     * Tails until {@code max} records, the idle timeout or {@link #stop()}; returns the number of lines written.
     *
     * @throws ConfigException when the topic is not in the catalog (the message lists the catalog)
     * @throws KafkaUnavailableException when the topic does not exist on the brokers
     */
    public long run(TailOptions options) {
        Topic<String, ?> topic = catalog.byName(options.topic()).orElseThrow(() -> unknown(options.topic()));
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(reader, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            running = consumer;
            assign(consumer, topic.name(), options.fromBeginning());
            return poll(consumer, topic, options);
        } catch (WakeupException stoppedBeforeFirstPoll) {
            return 0;
        } finally {
            running = null;
        }
    }

    /** Makes a running {@link #run} return soon. */
    public void stop() {
        KafkaConsumer<byte[], byte[]> consumer = running;
        if (consumer != null) {
            consumer.wakeup();
        }
    }

    private void assign(KafkaConsumer<byte[], byte[]> consumer, String name, boolean beginning) {
        List<PartitionInfo> infos = consumer.partitionsFor(name, METADATA_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new KafkaUnavailableException("topic " + name + " does not exist on "
                    + reader.get("bootstrap.servers") + "; create the catalog topics first", null);
        }
        List<TopicPartition> partitions = infos.stream()
                .map(info -> new TopicPartition(name, info.partition()))
                .collect(Collectors.toList());
        consumer.assign(partitions);
        if (beginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
            // seekToEnd is lazy: resolve the end now, so only records written after this call are shown.
            partitions.forEach(consumer::position);
        }
    }

    private long poll(KafkaConsumer<byte[], byte[]> consumer, Topic<String, ?> topic, TailOptions options) {
        long written = 0;
        long lastRecord = System.nanoTime();
        while (options.max() == 0 || written < options.max()) {
            boolean any = false;
            ConsumerRecords<byte[], byte[]> records;
            try {
                records = consumer.poll(POLL);
            } catch (WakeupException stopped) {
                return written;
            }
            for (ConsumerRecord<byte[], byte[]> record : records) {
                any = true;
                out.accept(format.line(topic, record));
                if (++written == options.max()) {
                    return written;
                }
            }
            if (any) {
                lastRecord = System.nanoTime();
            } else if (!options.idle().isZero() && System.nanoTime() - lastRecord >= options.idle().toNanos()) {
                return written;
            }
        }
        return written;
    }

    private ConfigException unknown(String name) {
        String names = catalog.all().stream().map(Topic::name).collect(Collectors.joining(", "));
        return new ConfigException("unknown topic '" + name + "': must be one of " + names
                + " (replay outputs add .SUFFIX)");
    }
}
