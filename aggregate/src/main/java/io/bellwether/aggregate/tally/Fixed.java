package io.bellwether.aggregate.tally;

/**
 * Fixed-point numbers (nano-units) for sums kept in state: long addition is associative, so a window's totals
 * are bit-identical whatever order its articles arrived in. Double sums would differ in the last bits.
 */
final class Fixed {
    static final double SCALE = 1_000_000_000d;

    private Fixed() {
    }

    /** Clamps to [{@code low}, {@code high}] (NaN to zero) and scales to nano-units. */
    static long of(double value, double low, double high) {
        double safe = Double.isNaN(value) ? 0d : Math.max(low, Math.min(high, value));
        return Math.round(safe * SCALE);
    }

    /** {@code sum / count} in real units; zero when the count is zero. */
    static double mean(long sum, long count) {
        return count == 0 ? 0d : sum / SCALE / count;
    }

    /** {@code sum / weight}, both in nano-units; zero when the weight is zero. */
    static double ratio(long sum, long weight) {
        return weight == 0 ? 0d : (double) sum / weight;
    }
}
