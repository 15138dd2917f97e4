package io.bellwether.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDefTest {
    private static final ConfigKey<String> TRANSACTIONAL_ID = ConfigKey.of("producer.transactional-id",
            ValueType.text(), null, "transactional id of the producer");
    private static final ConfigKey<Boolean> DRY_RUN = ConfigKey.of("dry-run", ValueType.bool(), false, "test key");

    private final ConfigDef def = RuntimeKeys.definition().plus(List.of(TRANSACTIONAL_ID, DRY_RUN));

    @TempDir
    Path temp;

    @Test
    void usesDefaultsWhenNothingIsGiven() {
        Settings settings = def.resolve(ConfigSources.flagsOnly(Map.of()));

        assertThat(settings.get(RuntimeKeys.HTTP_PORT)).isEqualTo(8080);
        assertThat(settings.get(RuntimeKeys.BOOTSTRAP_SERVERS)).isEqualTo("localhost:9092");
        assertThat(settings.get(RuntimeKeys.STREAMS_THREADS)).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(settings.find(TRANSACTIONAL_ID)).isEmpty();
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults() throws IOException {
        Path file = file("http.port=1001\nhttp.host=0.0.0.0\nbootstrap.servers=filehost:9092\n");
        Map<String, String> env = Map.of("BELLWETHER_HTTP_PORT", "1002", "BELLWETHER_BOOTSTRAP_SERVERS", "envhost:9092");
        Settings settings = def.resolve(new ConfigSources(Optional.of(file), env,
                Map.of("http.port", "1003")));

        assertThat(settings.get(RuntimeKeys.HTTP_PORT)).isEqualTo(1003);
        assertThat(settings.get(RuntimeKeys.BOOTSTRAP_SERVERS)).isEqualTo("envhost:9092");
        assertThat(settings.get(RuntimeKeys.HTTP_HOST)).isEqualTo("0.0.0.0");
        assertThat(settings.get(RuntimeKeys.TOPICS_REPLICATION)).isEqualTo(1);
    }

    @Test
    void mapsEnvironmentUnderscoresToDotsAndDashes() {
        Map<String, String> env = Map.of("BELLWETHER_PRODUCER_TRANSACTIONAL_ID", "ingest-1",
                "BELLWETHER_DRY_RUN", "true", "BELLWETHER_KAFKA_SASL_JAAS_CONFIG", "secret-jaas",
                "PATH", "/usr/bin", "BELLWETHER_HOME", "/opt/bellwether");
        Settings settings = def.resolve(new ConfigSources(Optional.empty(), env, Map.of()));

        assertThat(settings.get(TRANSACTIONAL_ID)).isEqualTo("ingest-1");
        assertThat(settings.get(DRY_RUN)).isTrue();
        assertThat(settings.kafkaOverrides()).containsExactlyEntriesOf(Map.of("sasl.jaas.config", "secret-jaas"));
    }

    @Test
    void passesKafkaKeysThroughWithThePrefixStripped() throws IOException {
        Path file = file("kafka.security.protocol=SASL_SSL\nkafka.linger.ms=5\n");
        Settings settings = def.resolve(new ConfigSources(Optional.of(file), Map.of(),
                Map.of("kafka.linger.ms", "20")));

        assertThat(settings.kafkaOverrides())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("linger.ms", "20")
                .hasSize(2);
    }

    @Test
    void rejectsAnInvalidValueInOneLineNamingKeyValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> def.resolve(ConfigSources.flagsOnly(Map.of("http.port", "abc"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid value 'abc' for http.port: must be an integer between 0 and 65535");
        assertThatThrownBy(() -> def.resolve(ConfigSources.flagsOnly(Map.of("http.port", "70000"))))
                .hasMessage("invalid value '70000' for http.port: must be an integer between 0 and 65535");
        assertThatThrownBy(() -> def.resolve(ConfigSources.flagsOnly(Map.of("dry-run", "maybe"))))
                .hasMessage("invalid value 'maybe' for dry-run: must be true or false");
        assertThatThrownBy(() -> def.resolve(ConfigSources.flagsOnly(Map.of("bootstrap.servers", "nohost"))))
                .hasMessage("invalid value 'nohost' for bootstrap.servers: must be a comma-separated list of host:port");
    }

    @Test
    void rejectsAnUnknownFileKeySuggestingTheClosestKnownKey() throws IOException {
        Path file = file("http.prot=8081\n");

        assertThatThrownBy(() -> def.resolve(new ConfigSources(Optional.of(file), Map.of(), Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown config key 'http.prot' (file " + file + "): did you mean http.port?");
    }

    @Test
    void rejectsAnUnknownEnvironmentVariableSuggestingTheClosestOne() {
        Map<String, String> env = Map.of("BELLWETHER_TOPICS_PARTITION", "3");

        assertThatThrownBy(() -> def.resolve(new ConfigSources(Optional.empty(), env, Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown environment variable BELLWETHER_TOPICS_PARTITION: did you mean "
                        + "BELLWETHER_TOPICS_PARTITIONS (topics.partitions)?");
    }

    @Test
    void reportsAMissingConfigFileInOneLine() {
        Path missing = temp.resolve("nope.properties");

        assertThatThrownBy(() -> def.resolve(new ConfigSources(Optional.of(missing), Map.of(), Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("cannot read config file " + missing + ": no such file");
    }

    @Test
    void reportsAMissingRequiredValueWhenAsked() {
        Settings settings = def.resolve(ConfigSources.flagsOnly(Map.of()));

        assertThatThrownBy(() -> settings.get(TRANSACTIONAL_ID))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("missing value for producer.transactional-id: must be a non-empty string");
    }

    @Test
    void masksSecretsWhenDescribed() {
        Map<String, String> flags = new HashMap<>();
        flags.put("kafka.sasl.jaas.config", "org.example.Login required password=\"hunter2\";");
        flags.put("kafka.ssl.truststore.password", "hunter3");
        flags.put("kafka.security.protocol", "SASL_SSL");
        flags.put("http.port", "9100");
        String described = def.resolve(ConfigSources.flagsOnly(flags)).describe();

        assertThat(described)
                .contains("http.port = 9100 (flag)")
                .contains("http.host = 127.0.0.1 (default)")
                .contains("kafka.security.protocol = SASL_SSL (flag)")
                .contains("kafka.sasl.jaas.config = ******")
                .contains("kafka.ssl.truststore.password = ******")
                .doesNotContain("hunter2")
                .doesNotContain("hunter3");
    }

    @Test
    void refusesToDeclareAKeyTwice() {
        assertThatThrownBy(() -> RuntimeKeys.definition().plus(List.of(RuntimeKeys.HTTP_PORT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http.port");
    }

    private Path file(String content) throws IOException {
        return Files.writeString(temp.resolve("bellwether.properties"), content, StandardCharsets.UTF_8);
    }
}
