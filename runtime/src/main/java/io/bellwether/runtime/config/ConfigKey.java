package io.bellwether.runtime.config;

import java.util.Locale;
import java.util.Optional;

/**
 * One configuration key, declared once: its dotted name, value type (parser and what is allowed), default
 * ({@code null} = unset unless given) and a description for help texts.
 */
public record ConfigKey<T>(String name, ValueType<T> type, T defaultValue, String description) {

    public static <T> ConfigKey<T> of(String name, ValueType<T> type, T defaultValue, String description) {
        return new ConfigKey<>(name, type, defaultValue, description);
    }

    /** Parses a raw value, or throws a {@link ConfigException} naming this key, the value and what is allowed. */
    public T parse(String raw) {
        Optional<T> value = raw == null ? Optional.empty() : type.parser().apply(raw);
        return value.orElseThrow(() -> ConfigException.invalid(name, raw, type.allowed()));
    }

    /** True when values of this key must never be printed: passwords, secrets, JAAS configs, tokens. */
    public static boolean isSecret(String keyName) {
        String lower = keyName.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret") || lower.contains("jaas")
                || lower.contains("token");
    }
}
