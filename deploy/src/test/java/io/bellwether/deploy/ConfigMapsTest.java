package io.bellwether.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.aggregate.AggregateKeys;
import io.bellwether.runtime.config.ConfigDef;
import io.bellwether.runtime.config.ConfigSources;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.Settings;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigMapsTest {
    private static final String FILE = "bellwether.properties";

    private final Manifests manifests = new Manifests();
    private final Map<String, ConfigMap> configMaps = manifests.of(ConfigMap.class).stream()
            .collect(Collectors.toMap(map -> map.getMetadata().getName(), map -> map));

    ConfigMapsTest() throws IOException {
    }

    @Test
    void resolvesEachServiceConfigWithTheServiceKeys(@TempDir Path dir) throws IOException {
        // ingest and enrich keys are not on main yet: their ConfigMaps hold common keys only.
        Map<String, ConfigDef> definitions = Map.of(
                "bellwether-ingest", RuntimeKeys.definition(),
                "bellwether-enrich", RuntimeKeys.definition(),
                "bellwether-aggregate", RuntimeKeys.definition().plus(AggregateKeys.all()));

        assertThat(configMaps.keySet()).containsExactlyInAnyOrderElementsOf(definitions.keySet());
        for (var entry : definitions.entrySet()) {
            Path file = Files.writeString(dir.resolve(entry.getKey() + ".properties"),
                    configMaps.get(entry.getKey()).getData().get(FILE));
            Settings settings = entry.getValue().resolve(new ConfigSources(Optional.of(file), Map.of(), Map.of()));
            assertThat(settings.get(RuntimeKeys.BOOTSTRAP_SERVERS)).as(entry.getKey())
                    .isEqualTo("bellwether-kafka-bootstrap:9092");
            assertThat(settings.get(RuntimeKeys.HTTP_PORT)).isEqualTo(8080);
            assertThat(settings.get(RuntimeKeys.TOPICS_REPLICATION)).isEqualTo(3);
        }
    }

    @Test
    void mountsItsOwnConfigMapWhereEachWorkloadReadsItsConfig() {
        assertThat(manifests.podTemplates()).hasSize(3).allSatisfy((name, template) -> {
            PodSpec pod = template.getSpec();
            List<String> args = pod.getContainers().get(0).getArgs();
            assertThat(args).as(name).containsSubsequence("--config", "/etc/bellwether/" + FILE);
            Volume config = pod.getVolumes().stream().filter(v -> v.getConfigMap() != null).findFirst().orElseThrow();
            assertThat(config.getConfigMap().getName()).as(name).isEqualTo("bellwether-" + name);
            assertThat(pod.getContainers().get(0).getVolumeMounts()).as(name)
                    .anySatisfy(mount -> {
                        assertThat(mount.getName()).isEqualTo(config.getName());
                        assertThat(mount.getMountPath()).isEqualTo("/etc/bellwether");
                    });
        });
    }
}
