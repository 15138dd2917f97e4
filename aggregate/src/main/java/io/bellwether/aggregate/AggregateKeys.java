package io.bellwether.aggregate;

import io.bellwether.runtime.config.ConfigException;
import io.bellwether.runtime.config.ConfigKey;
import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.config.ValueType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code aggregate.*} configuration keys, declared once with their defaults and descriptions; values are
 * checked together (windows, retention, grace) by {@link AggregateConfig}.
 */
public final class AggregateKeys {
    private static final List<ConfigKey<String>> KEYS = List.of(
            key(AggregateConfig.APPLICATION_ID, "bellwether-aggregate",
                    "Kafka Streams application.id of the aggregation (replays use a fresh one)"),
            key(AggregateConfig.WINDOWS, "PT1H/PT5M,PT24H/PT1H",
                    "hopping windows as SIZE/ADVANCE ISO-8601 durations, comma-separated; the first is the primary"),
            key(AggregateConfig.GRACE, "PT10M", "how long after its end a window still accepts late articles"),
            key(AggregateConfig.UPDATE_INTERVAL, "PT1M",
                    "stream-time interval between early updates of an open window (PT0S = every article)"),
            key(AggregateConfig.TOP_ENTITIES, "10", "entities listed per narrative score (top-k)"),
            key(AggregateConfig.ENTITY_TYPES, "PERSON,ORGANIZATION,MISC", "entity types that get entity scores"),
            key(AggregateConfig.HISTORY, "P2D", "how long closed windows stay queryable"));

    /** Not part of {@link AggregateConfig}: only the query API's routing needs it. */
    public static final ConfigKey<String> ADVERTISED_HOST = key("aggregate.advertised-host", null,
            "host other instances use to reach this one's query API (default: http.host, or this machine's"
                    + " host name when http.host is 0.0.0.0)");

    private AggregateKeys() {
    }

    public static List<ConfigKey<String>> all() {
        List<ConfigKey<String>> all = new java.util.ArrayList<>(KEYS);
        all.add(ADVERTISED_HOST);
        return List.copyOf(all);
    }

    static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        KEYS.forEach(key -> defaults.put(key.name(), key.defaultValue()));
        return Map.copyOf(defaults);
    }

    /** The validated aggregation config; an inconsistent combination is a {@link ConfigException} naming the key. */
    public static AggregateConfig config(Settings settings) {
        Map<String, String> values = new LinkedHashMap<>();
        KEYS.forEach(key -> values.put(key.name(), settings.get(key)));
        try {
            return AggregateConfig.parse(values);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid aggregate configuration: " + e.getMessage());
        }
    }

    private static ConfigKey<String> key(String name, String defaultValue, String description) {
        return ConfigKey.of(name, ValueType.text(), defaultValue, description);
    }
}
