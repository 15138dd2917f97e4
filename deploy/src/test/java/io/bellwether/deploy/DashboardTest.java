package io.bellwether.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bellwether.runtime.metrics.ServiceMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboards against deploy/grafana/exposed-metrics.txt. That list is checked here only for the
 * JVM and process names (a real ServiceMetrics registry); the Kafka and app names come from a scrape of running
 * services (see the file's header), to be re-checked against a live pipeline.
 */
class DashboardTest {
    private static final Path DASHBOARDS = Path.of("grafana", "dashboards");
    private static final Path EXPOSED = Path.of("grafana", "exposed-metrics.txt");
    private static final Path DATASOURCE = Path.of("grafana", "provisioning", "datasources", "prometheus.yml");

    private final ObjectMapper json = new ObjectMapper();
    private final PromQlNames promQl = new PromQlNames();

    @Test
    void givesEveryPanelAQueryOnTheProvisionedDatasource() throws IOException {
        String uid = new StrictYaml().documents(DATASOURCE).get(0).path("datasources").get(0).path("uid").asText();

        assertThat(panels()).isNotEmpty().allSatisfy(panel -> {
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            assertThat(panel.path("datasource").path("uid").asText()).isEqualTo(uid);
            panel.path("targets").forEach(target -> assertThat(target.path("expr").asText()).isNotBlank());
        });
    }

    @Test
    void queriesOnlyMetricsTheServicesExpose() throws IOException {
        Set<String> exposed = exposedNames();
        List<String> unknown = new ArrayList<>();
        for (JsonNode panel : panels()) {
            for (JsonNode target : panel.path("targets")) {
                promQl.in(target.path("expr").asText()).stream().filter(name -> !exposed.contains(name))
                        .forEach(name -> unknown.add(panel.path("title").asText() + ": " + name));
            }
        }
        assertThat(unknown).as("metrics not in " + EXPOSED).isEmpty();
    }

    @Test
    void listsTheJvmMetricsARealServiceRegistryExposes() throws IOException, InterruptedException {
        Set<String> listed = exposedNames().stream()
                .filter(name -> name.startsWith("jvm_") || name.startsWith("process_"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> scraped = new TreeSet<>();
        try (ServiceMetrics metrics = new ServiceMetrics("test")) {
            // The GC pause timer appears with the first GC notification, which arrives on another thread.
            for (int attempt = 0; attempt < 50 && !scraped.containsAll(listed); attempt++) {
                System.gc();
                Thread.sleep(100);
                scraped = names(metrics.scrape());
            }
        }
        assertThat(scraped).containsAll(listed);
    }

    private static Set<String> names(String scrape) {
        return scrape.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> exposedNames() throws IOException {
        try (Stream<String> lines = Files.lines(EXPOSED)) {
            return lines.map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private List<JsonNode> panels() throws IOException {
        List<JsonNode> panels = new ArrayList<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                collect(json.readTree(file.toFile()).path("panels"), panels);
            }
        }
        return panels;
    }

    private static void collect(JsonNode nodes, List<JsonNode> into) {
        for (JsonNode panel : nodes) {
            if ("row".equals(panel.path("type").asText())) {
                collect(panel.path("panels"), into);
            } else {
                into.add(panel);
            }
        }
    }
}
