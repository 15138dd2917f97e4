package io.bellwether.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bellwether.schemas.AvroSerde;
import io.bellwether.schemas.RegistryAvroSerde;
import io.bellwether.schemas.Topics;
import io.bellwether.schemas.ValueSerdes;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaRegistryKeysTest {
    private final ConfigDef def = RuntimeKeys.definition();

    @Test
    void keepsSingleObjectEncodingWhenNoRegistryIsConfigured() {
        Settings settings = def.resolve(ConfigSources.flagsOnly(Map.of()));

        Topics catalog = SchemaRegistryKeys.forSettings(settings);

        assertThat(catalog.valueSerdes()).isEqualTo(ValueSerdes.singleObject());
        assertThat(catalog.articles().valueSerde()).isInstanceOf(AvroSerde.class);
    }

    @Test
    void usesTheRegistryNamedInTheEnvironmentForEveryAvroTopic() {
        Settings settings = def.resolve(new ConfigSources(Optional.empty(),
                Map.of("BELLWETHER_SCHEMA_REGISTRY_URL", "http://registry:8080"), Map.of()));

        Topics catalog = SchemaRegistryKeys.forSettings(settings, "replay7");

        assertThat(catalog.valueSerdes()).isEqualTo(ValueSerdes.registry(URI.create("http://registry:8080")));
        assertThat(catalog.narrativeScores().name()).isEqualTo("news.narrative-scores.replay7");
        assertThat(catalog.narrativeScores().valueSerde()).isInstanceOf(RegistryAvroSerde.class);
    }

    @Test
    void rejectsARegistryAddressThatIsNotAnHttpUrl() {
        assertThatThrownBy(() -> def.resolve(ConfigSources.flagsOnly(Map.of("schema.registry.url", "registry:8080"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid value 'registry:8080' for schema.registry.url:"
                        + " must be an http:// or https:// URL with a host");
    }
}
