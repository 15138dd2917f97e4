package io.bellwether.runtime.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validated configuration values, produced by {@link ConfigDef#resolve}: typed values of declared keys, and
 * the {@code kafka.*} passthrough (prefix stripped) for the Kafka clients. Immutable.
 */
public final class Settings {
    private static final String MASK = "******";

    private final ConfigDef def;
    private final Map<String, Object> values;
    private final Map<String, String> kafka;
    private final Map<String, String> origins;

    Settings(ConfigDef def, Map<String, Object> values, Map<String, String> kafka, Map<String, String> origins) {
        this.def = def;
        this.values = values;
        this.kafka = Map.copyOf(kafka);
        this.origins = Map.copyOf(origins);
    }

    /** The value of a key with a default or a given value; a key with neither is a {@link ConfigException}. */
    public <T> T get(ConfigKey<T> key) {
        return find(key).orElseThrow(() -> new ConfigException("missing value for " + key.name() + ": must be "
                + key.type().allowed() + " (" + key.description() + ")"));
    }

    /** The value of a key, empty when it has no default and none was given. */
    public <T> Optional<T> find(ConfigKey<T> key) {
        if (def.key(key.name()).isEmpty()) {
            throw new IllegalArgumentException("config key not declared in this definition: " + key.name());
        }
        @SuppressWarnings("unchecked")
        T value = (T) values.get(key.name());
        return Optional.ofNullable(value);
    }

    /** Kafka client properties given as {@code kafka.NAME=VALUE}, keyed by NAME. */
    public Map<String, String> kafkaOverrides() {
        return kafka;
    }

    /** One line per key, {@code name = value (origin)}, with secret values masked; safe to log or print. */
    public String describe() {
        List<String> lines = new ArrayList<>();
        values.forEach((name, value) -> lines.add(line(name, value == null ? "(unset)" : String.valueOf(value),
                origins.get(name))));
        kafka.forEach((name, value) -> lines.add(line(ConfigDef.KAFKA_PREFIX + name, value,
                origins.get(ConfigDef.KAFKA_PREFIX + name))));
        return String.join(System.lineSeparator(), lines);
    }

    private static String line(String name, String value, String origin) {
        return name + " = " + (ConfigKey.isSecret(name) ? MASK : value) + " (" + origin + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
