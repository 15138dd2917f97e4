package io.bellwether.runtime.tail;

import java.time.Duration;

/**
 * What {@link TopicTail} reads: a catalog topic name (replay suffixes allowed), from the beginning or only new
 * records, at most {@code max} records (0 = no limit), stopping after {@code idle} without records
 * ({@link Duration#ZERO} = wait forever).
 */
public record TailOptions(String topic, boolean fromBeginning, long max, Duration idle) {

    public TailOptions {
        if (max < 0 || idle.isNegative()) {
            throw new IllegalArgumentException("max and idle must not be negative");
        }
    }
}
