package io.bellwether.runtime.kafka;

import io.bellwether.runtime.kafka.PartitionEnds.Ends;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Which partitions an open transaction has held for longer than {@code after}: fed the ends of each partition
 * one reading after another, a partition is held once its last stable offset has stayed below its high watermark,
 * at the same offset, through readings {@code after} apart. A transaction that ends moves the last stable offset,
 * so a busy transactional input is never held, however often a reading finds a transaction open.
 */
public final class HeldPartitions {
    private final Duration after;
    /** Per partition below its end: the last stable offset and when it was first seen there (nanoTime). */
    private final Map<TopicPartition, Since> below = new HashMap<>();

    /** One held partition: where read_committed readers stop, the end of its log and for how long. */
    public record Held(TopicPartition partition, long stable, long highWatermark, Duration heldFor) {
        @Override
        public String toString() {
            return partition + " at offset " + stable + " (end " + highWatermark + ") for "
                    + heldFor.toSeconds() + " s";
        }
    }

    private record Since(long stable, long nanos) {
    }

    public HeldPartitions(Duration after) {
        this.after = after;
    }

    /** Takes one reading made at {@code nanos} (System.nanoTime); the held partitions, by topic and partition. */
    public synchronized List<Held> observe(Map<TopicPartition, Ends> reading, long nanos) {
        below.keySet().retainAll(reading.keySet());
        List<Held> held = new ArrayList<>();
        reading.forEach((partition, ends) -> {
            if (!ends.held()) {
                below.remove(partition);
                return;
            }
            Since since = below.get(partition);
            if (since == null || since.stable() != ends.stable()) {
                below.put(partition, new Since(ends.stable(), nanos));
                return;
            }
            Duration heldFor = Duration.ofNanos(nanos - since.nanos());
            if (heldFor.compareTo(after) >= 0) {
                held.add(new Held(partition, ends.stable(), ends.highWatermark(), heldFor));
            }
        });
        held.sort(Comparator.comparing((Held h) -> h.partition().topic())
                .thenComparingInt(h -> h.partition().partition()));
        return held;
    }
}
