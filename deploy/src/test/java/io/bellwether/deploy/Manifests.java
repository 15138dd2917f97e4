package io.bellwether.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Kubernetes manifests under deploy/kubernetes, each document read strictly into its typed model
 * (Strimzi for kafka.strimzi.io kinds, Fabric8 for the rest), keyed by apiVersion and kind.
 */
final class Manifests {
    static final Path DIR = Path.of("kubernetes");

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "kafka.strimzi.io/v1 Kafka", Kafka.class,
            "kafka.strimzi.io/v1 KafkaNodePool", KafkaNodePool.class,
            "kafka.strimzi.io/v1 KafkaTopic", KafkaTopic.class,
            "apps/v1 Deployment", Deployment.class,
            "apps/v1 StatefulSet", StatefulSet.class,
            "v1 Service", Service.class,
            "v1 ConfigMap", ConfigMap.class,
            "v1 Namespace", Namespace.class);

    /** One document of a manifest file and where it came from. */
    record Manifest(Path file, HasMetadata resource) {
    }

    private final StrictYaml yaml = new StrictYaml();
    private final List<Manifest> all;

    Manifests() throws IOException {
        this.all = load();
    }

    List<Manifest> all() {
        return all;
    }

    <T extends HasMetadata> List<T> of(Class<T> type) {
        return all.stream().map(Manifest::resource).filter(type::isInstance).map(type::cast).toList();
    }

    /** The pod template of every Deployment and StatefulSet, by workload name. */
    Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> pods = new TreeMap<>();
        of(Deployment.class).forEach(d -> pods.put(d.getMetadata().getName(), d.getSpec().getTemplate()));
        of(StatefulSet.class).forEach(s -> pods.put(s.getMetadata().getName(), s.getSpec().getTemplate()));
        return pods;
    }

    /** The typed model of one document; fails on an unknown apiVersion/kind pair or an undeclared field. */
    HasMetadata read(JsonNode document) throws IOException {
        String kind = document.path("apiVersion").asText() + " " + document.path("kind").asText();
        Class<? extends HasMetadata> type = KINDS.get(kind);
        if (type == null) {
            throw new IllegalArgumentException("no typed model for '" + kind + "'; known: " + KINDS.keySet());
        }
        return yaml.typed(document, type);
    }

    private List<Manifest> load() throws IOException {
        List<Manifest> manifests = new ArrayList<>();
        for (Path file : files()) {
            for (JsonNode document : yaml.documents(file)) {
                try {
                    manifests.add(new Manifest(file, read(document)));
                } catch (IOException | IllegalArgumentException e) {
                    throw new IllegalStateException(file + ": " + e.getMessage(), e);
                }
            }
        }
        return manifests;
    }

    static List<Path> files() {
        try (Stream<Path> paths = Files.list(DIR)) {
            return paths.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
