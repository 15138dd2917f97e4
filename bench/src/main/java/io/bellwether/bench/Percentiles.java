package io.bellwether.bench;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles over a sample of longs (milliseconds in the benchmarks); an empty sample gives 0. */
public record Percentiles(long[] sorted) {

    public static Percentiles of(Collection<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Percentiles(sorted);
    }

    /** The smallest value with at least {@code percent}% of the sample at or below it. */
    public long at(double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    public int count() {
        return sorted.length;
    }

    /** {@code p50/p95/p99/max} in one line. */
    public String describe() {
        return "p50 " + at(50) + " ms, p95 " + at(95) + " ms, p99 " + at(99) + " ms, max " + at(100) + " ms (n="
                + count() + ")";
    }
}
