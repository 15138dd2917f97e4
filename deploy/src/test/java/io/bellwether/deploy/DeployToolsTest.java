package io.bellwether.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The deploy files through the tools that own their formats: promtool, docker-compose and yamllint. */
class DeployToolsTest {
    @Test
    void passesPromtoolCheckForEveryPrometheusConfig() throws Exception {
        List<Path> configs = yamlUnder(Path.of("prometheus"));

        assertThat(configs).extracting(path -> path.getFileName().toString()).contains("prometheus.yml", "demo.yml");
        for (Path config : configs) {
            ExternalTool.Run run = ExternalTool.PROMTOOL.run("check", "config", config.toString());
            assertThat(run.exitCode()).as("promtool check config %s:%n%s", config, run.output()).isZero();
        }
    }

    @Test
    void passesDockerComposeConfigValidation() throws Exception {
        ExternalTool.Run run = ExternalTool.DOCKER_COMPOSE.run("-f", "docker-compose.yml", "config", "-q");

        assertThat(run.exitCode()).as("docker-compose config -q:%n%s", run.output()).isZero();
    }

    @Test
    void passesYamllintForEveryYamlFile() throws Exception {
        ExternalTool.Run run = ExternalTool.YAMLLINT.run("--strict", "-c", ".yamllint", "docker-compose.yml",
                "prometheus", "grafana", "kubernetes");

        assertThat(run.exitCode()).as("yamllint:%n%s", run.output()).isZero();
    }

    @Test
    void namesTheDebianPackageWhenAToolIsMissing() {
        ExternalTool missing = new ExternalTool("bellwether-no-such-validator", "bellwether-validators");

        assertThatThrownBy(() -> missing.run("--version")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("bellwether-no-such-validator is not on the PATH")
                .hasMessageContaining("apt-get install -y bellwether-validators");
    }

    private static List<Path> yamlUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.toString().endsWith(".yml") || file.toString().endsWith(".yaml"))
                    .sorted().toList();
        }
    }
}
