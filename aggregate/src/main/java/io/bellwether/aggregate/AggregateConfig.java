package io.bellwether.aggregate;

import io.bellwether.aggregate.tally.StanceWeight;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validated settings of the aggregation: window families, grace, update throttle, top-k and which entity types
 * are scored, built from the typed {@code aggregate.*} keys by {@link AggregateKeys#config}; the Kafka properties
 * are built at the edge, by the runtime's {@code KafkaSettings}.
 *
 * @param updateInterval     stream-time interval between early updates of an open window; zero = on every record
 * @param earlyEntityUpdates whether early updates carry the window's changed entity scores (finals always do)
 * @param stanceWeight       what weighs an article's stance in weightedStance besides confidence (novelty or none)
 */
public record AggregateConfig(
        String applicationId,
        List<WindowSpec> windows,
        Duration grace,
        Duration updateInterval,
        int topEntities,
        Set<String> entityTypes,
        boolean earlyEntityUpdates,
        StanceWeight stanceWeight) {

    public AggregateConfig {
        if (applicationId == null || applicationId.isBlank()) {
            throw new IllegalArgumentException(AggregateKeys.APPLICATION_ID.name() + " must not be blank");
        }
        windows = List.copyOf(windows);
        if (windows.isEmpty()) {
            throw new IllegalArgumentException(AggregateKeys.WINDOWS.name() + " needs at least one window");
        }
        Set<Duration> sizes = new HashSet<>();
        for (WindowSpec spec : windows) {
            if (!sizes.add(spec.size())) {
                throw new IllegalArgumentException(AggregateKeys.WINDOWS.name() + ": two windows of size " + spec.label());
            }
        }
        if (grace.isNegative() || updateInterval.isNegative()) {
            throw new IllegalArgumentException(AggregateKeys.GRACE.name() + " and " + AggregateKeys.UPDATE_INTERVAL.name() + " must not be negative");
        }
        for (WindowSpec spec : windows) {
            Duration needed = spec.size().multipliedBy(2).plus(grace);
            if (spec.retention().compareTo(needed) < 0) {
                throw new IllegalArgumentException("retention of " + spec.label() + " windows must be at least "
                        + needed + " (two sizes plus grace) so momentum can read the previous window");
            }
        }
        if (topEntities < 1) {
            throw new IllegalArgumentException(AggregateKeys.TOP_ENTITIES.name() + " must be at least 1");
        }
        entityTypes = Set.copyOf(entityTypes);
        if (stanceWeight == null) {
            throw new IllegalArgumentException(AggregateKeys.STANCE_WEIGHT.name() + " must be one of "
                    + StanceWeight.names());
        }
    }

    public static AggregateConfig defaults() {
        return AggregateKeys.config(Map.of());
    }

    /** The same config under another Streams application id (a replay's). */
    public AggregateConfig withApplicationId(String id) {
        return new AggregateConfig(id, windows, grace, updateInterval, topEntities, entityTypes,
                earlyEntityUpdates, stanceWeight);
    }

    /** The window family used for gauges and as the query default: the first configured one. */
    public WindowSpec primaryWindow() {
        return windows.get(0);
    }

}
