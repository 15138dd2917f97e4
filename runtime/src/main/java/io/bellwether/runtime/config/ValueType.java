package io.bellwether.runtime.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How one kind of config value is parsed from text and what is allowed, in words that complete
 * "must be ...". The parser returns empty for a value outside what is allowed.
 */
public record ValueType<T>(String allowed, Function<String, Optional<T>> parser) {

    public static ValueType<Integer> integer(int min, int max) {
        return new ValueType<>("an integer between " + min + " and " + max, raw -> {
            try {
                int value = Integer.parseInt(raw.trim());
                return value >= min && value <= max ? Optional.of(value) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    public static ValueType<String> text() {
        return new ValueType<>("a non-empty string", raw -> raw.isBlank() ? Optional.empty() : Optional.of(raw.trim()));
    }

    public static ValueType<Boolean> bool() {
        return new ValueType<>("true or false", raw -> switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(Boolean.TRUE);
            case "false" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        });
    }

    public static ValueType<String> oneOf(List<String> choices) {
        return new ValueType<>("one of " + String.join(", ", choices), raw -> {
            String value = raw.trim().toLowerCase(Locale.ROOT);
            return choices.contains(value) ? Optional.of(value) : Optional.empty();
        });
    }

    public static ValueType<Path> path() {
        return new ValueType<>("a file system path", raw -> {
            try {
                return raw.isBlank() ? Optional.empty() : Optional.of(Path.of(raw.trim()));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /** An ISO-8601 duration that is not negative, e.g. PT10M or P1D. */
    public static ValueType<java.time.Duration> duration() {
        return new ValueType<>("an ISO-8601 duration such as PT10M or P1D", raw -> {
            try {
                java.time.Duration value = java.time.Duration.parse(raw.trim());
                return value.isNegative() ? Optional.empty() : Optional.of(value);
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /** A comma-separated list of non-empty host:port pairs, as Kafka's bootstrap.servers. */
    public static ValueType<String> hostPorts() {
        return new ValueType<>("a comma-separated list of host:port", raw -> {
            for (String part : raw.split(",", -1)) {
                if (!part.trim().matches("[^\\s:]*[^\\s:]:\\d{1,5}")) {
                    return Optional.empty();
                }
            }
            return Optional.of(raw.trim());
        });
    }
}
