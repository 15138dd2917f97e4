package io.bellwether.replay;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** The offsets a {@link RangeReader} scans per partition, and which partitions it has finished. */
record Scan(Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends, long total) {

    /** Pauses the partitions whose position reached their end offset. */
    void pauseFinished(KafkaConsumer<?, ?> consumer) {
        Set<TopicPartition> finished = new HashSet<>();
        for (TopicPartition partition : consumer.assignment()) {
            if (consumer.position(partition) >= ends.get(partition)) {
                finished.add(partition);
            }
        }
        consumer.pause(finished);
    }

    boolean done(KafkaConsumer<?, ?> consumer) {
        return consumer.paused().size() == consumer.assignment().size();
    }

    long scanned(KafkaConsumer<?, ?> consumer) {
        Map<TopicPartition, Long> positions = new HashMap<>(ends);
        consumer.assignment().forEach(partition -> positions.put(partition, consumer.position(partition)));
        long scanned = 0;
        for (TopicPartition partition : starts.keySet()) {
            scanned += Math.min(positions.get(partition), ends.get(partition)) - starts.get(partition);
        }
        return scanned;
    }
}
