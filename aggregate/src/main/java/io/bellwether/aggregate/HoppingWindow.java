package io.bellwether.aggregate;

import java.time.Duration;

/**
 * One entry of {@code aggregate.windows}, {@code SIZE/ADVANCE}: the shape of a hopping window family before
 * its retention is known (that needs the grace and the history, see {@link AggregateKeys#config}).
 */
public record HoppingWindow(Duration size, Duration advance) {

    /** The window family with {@code retention}, checked: size a positive multiple of the advance. */
    public WindowSpec withRetention(Duration retention) {
        return new WindowSpec(size, advance, retention);
    }

    @Override
    public String toString() {
        return size + "/" + advance;
    }
}
