package io.bellwether.runtime.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps {@code BELLWETHER_*} environment variables to config key names. After the prefix, the name is matched
 * against each declared key with its dots and dashes written as underscores ({@code BELLWETHER_HTTP_PORT} →
 * {@code http.port}, {@code BELLWETHER_TOPICS_PARTITIONS} → {@code topics.partitions}); a
 * {@code BELLWETHER_KAFKA_*} variable becomes a dotted Kafka client key ({@code BELLWETHER_KAFKA_SASL_JAAS_CONFIG}
 * → {@code kafka.sasl.jaas.config}). Other variables are ignored.
 */
final class EnvironmentMapping {
    static final String PREFIX = "BELLWETHER_";
    /** Read by the launcher script, not by the config. */
    static final Set<String> RESERVED = Set.of("BELLWETHER_HOME", "BELLWETHER_OPTS", "BELLWETHER_JAVA_OPTS",
            "BELLWETHER_DEBUG", "BELLWETHER_LOG_LEVEL");

    private final ConfigDef def;

    EnvironmentMapping(ConfigDef def) {
        this.def = def;
    }

    static String variableFor(String keyName) {
        return PREFIX + keyName.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    Map<String, String> keysOf(Map<String, String> environment) {
        Map<String, String> byVariable = new LinkedHashMap<>();
        for (ConfigKey<?> key : def.keys()) {
            String clash = byVariable.put(variableFor(key.name()), key.name());
            if (clash != null) {
                throw new IllegalStateException("keys " + clash + " and " + key.name() + " share the variable "
                        + variableFor(key.name()));
            }
        }
        Map<String, String> keys = new LinkedHashMap<>();
        environment.forEach((variable, value) -> {
            if (!variable.startsWith(PREFIX) || RESERVED.contains(variable)) {
                return;
            }
            keys.put(keyFor(variable, byVariable), value);
        });
        return keys;
    }

    private String keyFor(String variable, Map<String, String> byVariable) {
        String known = byVariable.get(variable);
        if (known != null) {
            return known;
        }
        String rest = variable.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
        if (rest.startsWith("kafka_") && rest.length() > "kafka_".length()) {
            return rest.replace('_', '.');
        }
        String guess = rest.replace('_', '.');
        throw new ConfigException("unknown environment variable " + variable + ": did you mean "
                + variableFor(def.closestKey(guess)) + " (" + def.closestKey(guess) + ")?");
    }
}
