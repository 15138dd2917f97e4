package io.bellwether.replay;

import java.time.Instant;

/** A half-open event-time range {@code [from, to)}: record timestamps in, whether they belong out. */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new io.bellwether.runtime.config.ConfigException("--from must be before --to, got " + from + " and " + to);
        }
    }

    public boolean contains(long timestampMs) {
        return timestampMs >= from.toEpochMilli() && timestampMs < to.toEpochMilli();
    }

    @Override
    public String toString() {
        return "[" + from + ", " + to + ")";
    }
}
