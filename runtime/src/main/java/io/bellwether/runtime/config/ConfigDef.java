package io.bellwether.runtime.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The set of keys a command understands; {@link #resolve} turns the raw sources (defaults, file, environment,
 * flags) into validated {@link Settings}. Keys starting with {@value #KAFKA_PREFIX} are never declared: they
 * pass through to the Kafka clients.
 */
public final class ConfigDef {
    public static final String KAFKA_PREFIX = "kafka.";

    private final Map<String, ConfigKey<?>> keys = new LinkedHashMap<>();

    public ConfigDef(Collection<? extends ConfigKey<?>> keys) {
        for (ConfigKey<?> key : keys) {
            if (key.name().startsWith(KAFKA_PREFIX)) {
                throw new IllegalArgumentException(key.name() + ": kafka.* keys are passed through, not declared");
            }
            if (this.keys.putIfAbsent(key.name(), key) != null) {
                throw new IllegalArgumentException("config key declared twice: " + key.name());
            }
        }
    }

    /** This definition plus more keys, e.g. the runtime's common keys plus a service's own. */
    public ConfigDef plus(Collection<? extends ConfigKey<?>> more) {
        List<ConfigKey<?>> all = new ArrayList<>(keys.values());
        all.addAll(more);
        return new ConfigDef(all);
    }

    /**
     * This definition with another default for one key, e.g. a command whose use case wants a different
     * starting point; file, environment and flags still override it.
     */
    public ConfigDef withDefault(String name, String rawDefault) {
        List<ConfigKey<?>> all = new ArrayList<>();
        for (ConfigKey<?> key : keys.values()) {
            all.add(key.name().equals(name) ? withDefault(key, rawDefault) : key);
        }
        if (!keys.containsKey(name)) {
            throw new IllegalArgumentException("config key not declared in this definition: " + name);
        }
        return new ConfigDef(all);
    }

    private static <T> ConfigKey<T> withDefault(ConfigKey<T> key, String rawDefault) {
        return ConfigKey.of(key.name(), key.type(), key.parse(rawDefault), key.description());
    }

    public List<ConfigKey<?>> keys() {
        return List.copyOf(keys.values());
    }

    public Optional<ConfigKey<?>> key(String name) {
        return Optional.ofNullable(keys.get(name));
    }

    /**
     * Resolves with precedence defaults &lt; file &lt; environment &lt; flags; every given value is validated.
     *
     * @throws ConfigException on an unreadable file, an unknown key or an invalid value
     */
    public Settings resolve(ConfigSources sources) {
        Map<String, Layered> raw = new LinkedHashMap<>();
        collect(raw, sources.fileValues(), "file " + sources.file().map(Object::toString).orElse(""));
        collect(raw, new EnvironmentMapping(this).keysOf(sources.environment()), "environment");
        collect(raw, sources.flags(), "flag");
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        Map<String, String> kafka = new LinkedHashMap<>();
        for (ConfigKey<?> key : keys.values()) {
            Layered given = raw.remove(key.name());
            values.put(key.name(), given == null ? key.defaultValue() : key.parse(given.value()));
            origins.put(key.name(), given == null ? "default" : given.origin());
        }
        raw.forEach((name, given) -> {
            kafka.put(name.substring(KAFKA_PREFIX.length()), given.value());
            origins.put(name, given.origin());
        });
        return new Settings(this, values, kafka, origins);
    }

    private void collect(Map<String, Layered> raw, Map<String, String> layer, String origin) {
        layer.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            requireKnown(name, origin);
            raw.put(name, new Layered(value, origin));
        });
    }

    private void requireKnown(String name, String origin) {
        boolean passthrough = name.startsWith(KAFKA_PREFIX) && name.length() > KAFKA_PREFIX.length();
        if (!passthrough && !keys.containsKey(name)) {
            throw new ConfigException("unknown config key '" + name + "' (" + origin.trim() + "): did you mean "
                    + closestKey(name) + "?");
        }
    }

    /** The declared key nearest to {@code name} by edit distance. */
    String closestKey(String name) {
        String best = KAFKA_PREFIX + "...";
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : keys.keySet()) {
            int distance = EditDistance.between(name, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private record Layered(String value, String origin) {
    }
}
