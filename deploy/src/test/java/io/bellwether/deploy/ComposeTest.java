package io.bellwether.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bellwether.aggregate.AggregateKeys;
import io.bellwether.runtime.config.ConfigSources;
import io.bellwether.runtime.config.RuntimeKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The compose file as docker-compose resolves it (anchors and merges applied), against Prometheus and Grafana. */
// One docker-compose run serves every test of the class.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComposeTest {
    private static final List<String> SERVICES = List.of("ingest", "enrich", "aggregate");
    private static final Pattern IMAGE_ENV = Pattern.compile("(BELLWETHER_[A-Z_]+)=(\\S+)");

    private final StrictYaml yaml = new StrictYaml();
    private final JsonNode services;

    ComposeTest() throws Exception {
        ExternalTool.Run run = ExternalTool.DOCKER_COMPOSE.run("-f", "docker-compose.yml", "config");
        assertThat(run.exitCode()).as(run.output()).isZero();
        this.services = yaml.tree(run.output()).path("services");
    }

    @Test
    void runsThreeKraftNodesOfOneCluster() {
        List<JsonNode> nodes = List.of(services.path("kafka-1"), services.path("kafka-2"), services.path("kafka-3"));

        assertThat(nodes).allSatisfy(node -> {
            assertThat(node.path("image").asText()).isEqualTo("apache/kafka:4.3.1");
            assertThat(node.path("environment").path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
            assertThat(node.path("environment").path("KAFKA_CONTROLLER_QUORUM_VOTERS").asText())
                    .isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
        });
        assertThat(nodes).extracting(node -> node.path("environment").path("KAFKA_NODE_ID").asText())
                .containsExactly("1", "2", "3");
        assertThat(nodes).extracting(node -> node.path("environment").path("CLUSTER_ID").asText())
                .containsOnly(nodes.get(0).path("environment").path("CLUSTER_ID").asText());
    }

    @Test
    void createsTopicsWithReplicationThreeBeforeAnyServiceStarts() {
        assertThat(services.path("topics-init").path("command").toString())
                .contains("\"topics\",\"create\"", "topics.replication=3");
        assertThat(SERVICES).allSatisfy(service -> assertThat(services.path(service).path("depends_on")
                .path("topics-init").path("condition").asText()).as(service)
                .isEqualTo("service_completed_successfully"));
    }

    @Test
    void givesEveryServiceOnlyConfigVariablesTheRuntimeKnows() throws IOException {
        Map<String, String> imageEnv = imageEnvironment();
        for (String service : SERVICES) {
            Map<String, String> env = new LinkedHashMap<>(imageEnv);
            services.path(service).path("environment").fields().forEachRemaining(e -> env.put(e.getKey(),
                    e.getValue().asText()));
            var settings = RuntimeKeys.definition().plus(AggregateKeys.all())
                    .resolve(new ConfigSources(Optional.empty(), env, Map.of()));
            assertThat(settings.get(RuntimeKeys.BOOTSTRAP_SERVERS)).as(service)
                    .isEqualTo("kafka-1:9092,kafka-2:9092,kafka-3:9092");
            assertThat(settings.get(RuntimeKeys.HTTP_HOST)).as(service).isEqualTo("0.0.0.0");
        }
    }

    @Test
    void scrapesEveryServiceOnItsHttpPort() throws IOException {
        Set<String> targets = new TreeSet<>();
        for (JsonNode job : yaml.documents(Path.of("prometheus", "prometheus.yml")).get(0).path("scrape_configs")) {
            job.path("static_configs").forEach(config -> config.path("targets")
                    .forEach(target -> targets.add(target.asText())));
        }
        assertThat(targets).containsExactlyInAnyOrder("ingest:8080", "enrich:8080", "aggregate:8080");
        assertThat(services.path("prometheus").path("volumes").toString()).contains("prometheus.yml");
    }

    @Test
    void mountsGrafanaProvisioningAndTheDashboardsWhereTheProviderLooks() throws IOException {
        JsonNode provider = yaml.documents(Path.of("grafana", "provisioning", "dashboards", "bellwether.yml")).get(0)
                .path("providers").get(0);
        String mounts = services.path("grafana").path("volumes").toString();

        assertThat(mounts).contains("grafana/provisioning:/etc/grafana/provisioning",
                "grafana/dashboards:" + provider.path("options").path("path").asText());
    }

    private static Map<String, String> imageEnvironment() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        Matcher matcher = IMAGE_ENV.matcher(Files.readString(Path.of("Dockerfile")));
        while (matcher.find()) {
            env.put(matcher.group(1), matcher.group(2));
        }
        assertThat(env).containsKey("BELLWETHER_HTTP_HOST");
        return env;
    }
}
