package io.bellwether.aggregate;

import io.bellwether.aggregate.tally.StanceWeight;
import io.bellwether.runtime.config.ConfigDef;
import io.bellwether.runtime.config.ConfigException;
import io.bellwether.runtime.config.ConfigKey;
import io.bellwether.runtime.config.ConfigSources;
import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.config.ValueType;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code aggregate.*} configuration keys, each declared once with its type, default and description;
 * {@link #config} combines the typed values into the checked {@link AggregateConfig} (windows, retention, grace).
 */
public final class AggregateKeys {
    public static final ConfigKey<String> APPLICATION_ID = ConfigKey.of("aggregate.application-id", ValueType.text(),
            "bellwether-aggregate", "Kafka Streams application.id of the aggregation (replays use a fresh one)");
    public static final ConfigKey<List<HoppingWindow>> WINDOWS = ConfigKey.of("aggregate.windows", windows(),
            List.of(new HoppingWindow(Duration.ofHours(1), Duration.ofMinutes(5)),
                    new HoppingWindow(Duration.ofHours(24), Duration.ofHours(1))),
            "hopping windows as SIZE/ADVANCE ISO-8601 durations, comma-separated; the first is the primary");
    public static final ConfigKey<Duration> GRACE = ConfigKey.of("aggregate.grace", ValueType.duration(),
            Duration.ofMinutes(10), "how long after its end a window still accepts late articles");
    public static final ConfigKey<Duration> UPDATE_INTERVAL = ConfigKey.of("aggregate.update-interval",
            ValueType.duration(), Duration.ofMinutes(5),
            "stream-time interval between early updates of an open window, at most one per window and interval"
                    + " (PT0S = every article)");
    public static final ConfigKey<Boolean> EARLY_ENTITY_UPDATES = ConfigKey.of("aggregate.early-entity-updates",
            ValueType.bool(), false, "whether early updates of a window also emit its changed entity scores to"
                    + " news.entity-scores (finals always do)");
    public static final ConfigKey<Integer> TOP_ENTITIES = ConfigKey.of("aggregate.top-entities",
            ValueType.integer(1, 1000), 10, "entities listed per narrative score (top-k)");
    public static final ConfigKey<Set<String>> ENTITY_TYPES = ConfigKey.of("aggregate.entity-types", entityTypes(),
            Set.of("PERSON", "ORGANIZATION", "PRODUCT", "MISC"), "entity types that get entity scores");
    public static final ConfigKey<String> STANCE_WEIGHT = ConfigKey.of("aggregate.stance-weight",
            ValueType.oneOf(StanceWeight.names()), "novelty", "what weighs an article's stance in weightedStance:"
                    + " novelty = confidence x novelty (a syndicated copy adds little), confidence = confidence alone");
    public static final ConfigKey<Duration> HISTORY = ConfigKey.of("aggregate.history", ValueType.duration(),
            Duration.ofDays(2), "how long closed windows stay queryable");
    /** Not part of {@link AggregateConfig}: only the query API's routing needs it. */
    public static final ConfigKey<String> ADVERTISED_HOST = ConfigKey.of("aggregate.advertised-host",
            ValueType.text(), null, "host other instances use to reach this one's query API (default: http.host,"
                    + " or this machine's host name when http.host is 0.0.0.0)");

    private AggregateKeys() {
    }

    public static List<ConfigKey<?>> all() {
        return List.of(APPLICATION_ID, WINDOWS, GRACE, UPDATE_INTERVAL, EARLY_ENTITY_UPDATES, TOP_ENTITIES,
                ENTITY_TYPES, STANCE_WEIGHT, HISTORY, ADVERTISED_HOST);
    }

    /**
     * The checked aggregation config. Each window keeps at least two sizes plus the grace (momentum reads the
     * previous window), and at least {@code aggregate.history}; an inconsistent combination is a
     * {@link ConfigException} naming the key.
     */
    public static AggregateConfig config(Settings settings) {
        Duration grace = settings.get(GRACE);
        Duration history = settings.get(HISTORY);
        List<WindowSpec> windows = new ArrayList<>();
        try {
            for (HoppingWindow window : settings.get(WINDOWS)) {
                windows.add(window.withRetention(max(history, window.size().multipliedBy(2).plus(grace))));
            }
            return new AggregateConfig(settings.get(APPLICATION_ID), windows, grace, settings.get(UPDATE_INTERVAL),
                    settings.get(TOP_ENTITIES), settings.get(ENTITY_TYPES), settings.get(EARLY_ENTITY_UPDATES),
                    StanceWeight.of(settings.get(STANCE_WEIGHT)));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid aggregate configuration: " + e.getMessage());
        }
    }

    /** The config from {@code aggregate.*} values alone (missing keys take their defaults): for tools and tests. */
    public static AggregateConfig config(Map<String, String> values) {
        return config(new ConfigDef(all()).resolve(ConfigSources.flagsOnly(values)));
    }

    private static ValueType<List<HoppingWindow>> windows() {
        return new ValueType<>("a comma-separated list of SIZE/ADVANCE ISO-8601 durations such as PT1H/PT5M", raw -> {
            List<HoppingWindow> windows = new ArrayList<>();
            for (String item : raw.split(",", -1)) {
                String[] parts = item.trim().split("/", -1);
                Optional<Duration> size = parts.length == 2 ? positive(parts[0]) : Optional.empty();
                Optional<Duration> advance = parts.length == 2 ? positive(parts[1]) : Optional.empty();
                if (size.isEmpty() || advance.isEmpty()) {
                    return Optional.empty();
                }
                windows.add(new HoppingWindow(size.get(), advance.get()));
            }
            return Optional.of(List.copyOf(windows));
        });
    }

    private static ValueType<Set<String>> entityTypes() {
        return new ValueType<>("a comma-separated list of entity types such as PERSON,ORGANIZATION", raw -> {
            Set<String> types = new LinkedHashSet<>();
            for (String type : raw.split(",", -1)) {
                if (type.isBlank()) {
                    return Optional.empty();
                }
                types.add(type.trim().toUpperCase(Locale.ROOT));
            }
            return Optional.of(Set.copyOf(types));
        });
    }

    private static Optional<Duration> positive(String text) {
        try {
            Duration value = Duration.parse(text.trim());
            return value.isNegative() || value.isZero() ? Optional.empty() : Optional.of(value);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
