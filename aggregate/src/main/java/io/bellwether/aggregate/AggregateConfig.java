package io.bellwether.aggregate;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Validated settings of the aggregation: window families, grace, update throttle, top-k and which entity types
 * are scored. Read from flat {@code aggregate.*} keys by {@link #parse}; Kafka properties are built only at the edge.
 *
 * @param updateInterval stream-time interval between early updates of an open window; zero = on every record
 */
public record AggregateConfig(
        String applicationId,
        List<WindowSpec> windows,
        Duration grace,
        Duration updateInterval,
        int topEntities,
        Set<String> entityTypes) {

    public static final String APPLICATION_ID = "aggregate.application-id";
    public static final String WINDOWS = "aggregate.windows";
    public static final String GRACE = "aggregate.grace";
    public static final String UPDATE_INTERVAL = "aggregate.update-interval";
    public static final String TOP_ENTITIES = "aggregate.top-entities";
    public static final String ENTITY_TYPES = "aggregate.entity-types";
    public static final String HISTORY = "aggregate.history";

    private static final Map<String, String> DEFAULTS = AggregateKeys.defaults();

    public AggregateConfig {
        if (applicationId == null || applicationId.isBlank()) {
            throw new IllegalArgumentException(APPLICATION_ID + " must not be blank");
        }
        windows = List.copyOf(windows);
        if (windows.isEmpty()) {
            throw new IllegalArgumentException(WINDOWS + " needs at least one window");
        }
        Set<Duration> sizes = new HashSet<>();
        for (WindowSpec spec : windows) {
            if (!sizes.add(spec.size())) {
                throw new IllegalArgumentException(WINDOWS + ": two windows of size " + spec.label());
            }
        }
        if (grace.isNegative() || updateInterval.isNegative()) {
            throw new IllegalArgumentException(GRACE + " and " + UPDATE_INTERVAL + " must not be negative");
        }
        for (WindowSpec spec : windows) {
            Duration needed = spec.size().multipliedBy(2).plus(grace);
            if (spec.retention().compareTo(needed) < 0) {
                throw new IllegalArgumentException("retention of " + spec.label() + " windows must be at least "
                        + needed + " (two sizes plus grace) so momentum can read the previous window");
            }
        }
        if (topEntities < 1) {
            throw new IllegalArgumentException(TOP_ENTITIES + " must be at least 1");
        }
        entityTypes = Set.copyOf(entityTypes);
    }

    public static AggregateConfig defaults() {
        return parse(Map.of());
    }

    /** Reads {@code aggregate.*} keys; missing keys take their defaults. Windows are {@code SIZE/ADVANCE,...}. */
    public static AggregateConfig parse(Map<String, String> values) {
        java.util.function.Function<String, String> get = key -> values.getOrDefault(key, DEFAULTS.get(key)).trim();
        Duration grace = duration(GRACE, get.apply(GRACE));
        Duration history = duration(HISTORY, get.apply(HISTORY));
        List<WindowSpec> windows = new ArrayList<>();
        for (String item : get.apply(WINDOWS).split(",")) {
            String[] parts = item.trim().split("/");
            if (parts.length != 2) {
                throw new IllegalArgumentException(WINDOWS + ": expected SIZE/ADVANCE, got '" + item + "'");
            }
            Duration size = duration(WINDOWS, parts[0].trim());
            Duration advance = duration(WINDOWS, parts[1].trim());
            windows.add(new WindowSpec(size, advance, max(history, size.multipliedBy(2).plus(grace))));
        }
        Set<String> types = new HashSet<>();
        for (String type : get.apply(ENTITY_TYPES).split(",")) {
            types.add(type.trim().toUpperCase(Locale.ROOT));
        }
        return new AggregateConfig(get.apply(APPLICATION_ID), windows, grace,
                duration(UPDATE_INTERVAL, get.apply(UPDATE_INTERVAL)), integer(TOP_ENTITIES, get.apply(TOP_ENTITIES)),
                types);
    }

    /** The window family used for gauges and as the query default: the first configured one. */
    public WindowSpec primaryWindow() {
        return windows.get(0);
    }

    /** Streams settings this topology relies on; the caller adds bootstrap servers, security and state dir. */
    public Properties streamsProperties(String bootstrapServers) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return props;
    }

    /** As {@link #streamsProperties(String)}, plus {@code application.server} ({@code host:port}) for routing. */
    public Properties streamsProperties(String bootstrapServers, String applicationServer) {
        Properties props = streamsProperties(bootstrapServers);
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        return props;
    }

    private static Duration duration(String key, String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + ": expected an ISO-8601 duration like PT10M, got '" + text + "'");
        }
    }

    private static int integer(String key, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected an integer, got '" + text + "'");
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
