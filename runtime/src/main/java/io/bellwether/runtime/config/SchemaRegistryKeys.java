package io.bellwether.runtime.config;

import io.bellwether.schemas.Topics;
import io.bellwether.schemas.ValueSerdes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code schema.registry.url} key and the topic catalog it selects: settings flow in, a {@link Topics} whose
 * Avro values use the Confluent wire format through that registry (or single-object encoding when unset) flows out.
 */
public final class SchemaRegistryKeys {
    public static final ConfigKey<URI> SCHEMA_REGISTRY_URL = ConfigKey.of("schema.registry.url", httpUrl(), null,
            "base address of a Confluent-compatible schema registry API (e.g. http://registry:8081; for Apicurio"
                    + " Registry http://registry:8080/apis/ccompat/v7); when set, Avro values use the Confluent wire"
                    + " format with schemas registered there; unset = single-object encoding");

    private SchemaRegistryKeys() {
    }

    public static List<ConfigKey<?>> all() {
        return List.of(SCHEMA_REGISTRY_URL);
    }

    /** The value encoding {@code settings} ask for. */
    public static ValueSerdes valueSerdes(Settings settings) {
        return settings.find(SCHEMA_REGISTRY_URL).<ValueSerdes>map(ValueSerdes::registry)
                .orElseGet(ValueSerdes::singleObject);
    }

    /** The live catalog with the value encoding {@code settings} ask for. */
    public static Topics forSettings(Settings settings) {
        return forSettings(settings, "");
    }

    /** The catalog with outputs suffixed by {@code suffix} (a replay), with the encoding {@code settings} ask for. */
    public static Topics forSettings(Settings settings, String suffix) {
        return new Topics(suffix, valueSerdes(settings));
    }

    private static ValueType<URI> httpUrl() {
        return new ValueType<>("an http:// or https:// URL with a host", raw -> {
            try {
                URI url = new URI(raw.trim());
                String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
                boolean http = scheme.equals("http") || scheme.equals("https");
                return http && url.getHost() != null ? Optional.of(url) : Optional.empty();
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        });
    }
}
