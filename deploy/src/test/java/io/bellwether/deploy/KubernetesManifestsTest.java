package io.bellwether.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class KubernetesManifestsTest {
    private final Manifests manifests = new Manifests();
    private final StrictYaml yaml = new StrictYaml();

    KubernetesManifestsTest() throws IOException {
    }

    @Test
    void readsEveryManifestDocumentIntoATypedModel() {
        assertThat(Manifests.files()).extracting(path -> path.getFileName().toString())
                .contains("kafka.yaml", "topics.yaml", "ingest.yaml", "enrich.yaml", "aggregate.yaml", "config.yaml");
        assertThat(manifests.of(Kafka.class)).hasSize(1);
        assertThat(manifests.of(Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("ingest", "enrich");
        assertThat(manifests.of(StatefulSet.class)).extracting(s -> s.getMetadata().getName())
                .containsExactly("aggregate");
        assertThat(manifests.all()).allSatisfy(m -> assertThat(m.resource().getMetadata().getNamespace())
                .as(m.file() + " " + m.resource().getKind())
                .isIn("bellwether", null));
    }

    @Test
    void refusesAFieldTheModelDoesNotDeclare() throws IOException {
        var deployment = yaml.tree("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {replcas: 2}\n");
        var topic = yaml.tree("apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata: {name: t}\n"
                + "spec: {partitons: 3}\n");

        assertThatThrownBy(() -> manifests.read(deployment)).isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("replcas");
        assertThatThrownBy(() -> manifests.read(topic)).isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("partitons");
    }

    @Test
    void refusesAKindWithoutATypedModel() throws IOException {
        var oldApi = yaml.tree("apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata: {name: t}\n");

        assertThatThrownBy(() -> manifests.read(oldApi)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kafka.strimzi.io/v1beta2 KafkaTopic");
    }

    @Test
    void runsKafkaInKraftModeOnNodePoolsOfItsCluster() {
        Kafka kafka = manifests.of(Kafka.class).get(0);
        List<KafkaNodePool> pools = manifests.of(KafkaNodePool.class);

        assertThat(pools).isNotEmpty().allSatisfy(pool -> assertThat(pool.getMetadata().getLabels())
                .containsEntry("strimzi.io/cluster", kafka.getMetadata().getName()));
        assertThat(pools.stream().flatMap(pool -> pool.getSpec().getRoles().stream()))
                .contains(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        int controllers = pools.stream().filter(pool -> pool.getSpec().getRoles().contains(ProcessRoles.CONTROLLER))
                .mapToInt(pool -> pool.getSpec().getReplicas()).sum();
        assertThat(controllers).as("an odd controller quorum of at least 3").isGreaterThanOrEqualTo(3).isOdd();
        assertThat(kafka.getSpec().getKafka().getConfig())
                .containsEntry("transaction.state.log.replication.factor", 3)
                .containsEntry("min.insync.replicas", 2)
                .containsEntry("auto.create.topics.enable", false);
    }

    @Test
    void probesHealthOnTheHttpPortOfEveryWorkload() {
        assertThat(manifests.podTemplates()).hasSize(3).allSatisfy((name, pod) -> {
            Container container = pod.getSpec().getContainers().get(0);
            assertThat(container.getPorts()).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                    .as(name).contains(tuple("http", 8080));
            assertThat(Stream.of(container.getReadinessProbe(), container.getLivenessProbe()))
                    .as(name + " readiness and liveness").allSatisfy(probe -> assertHealthProbe(name, probe));
            assertThat(pod.getMetadata().getAnnotations()).as(name)
                    .containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/port", "8080")
                    .containsEntry("prometheus.io/path", "/metrics");
        });
    }

    @Test
    void keepsAggregateStateOnAClaimedVolumePerInstance() {
        StatefulSet aggregate = manifests.of(StatefulSet.class).get(0);
        String claim = aggregate.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName();

        assertThat(aggregate.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts())
                .anySatisfy(mount -> {
                    assertThat(mount.getName()).isEqualTo(claim);
                    assertThat(mount.getMountPath()).isEqualTo("/var/lib/bellwether");
                });
        assertThat(manifests.of(Service.class)).anySatisfy(service -> {
            assertThat(service.getMetadata().getName()).isEqualTo(aggregate.getSpec().getServiceName());
            assertThat(service.getSpec().getClusterIP()).isEqualTo("None");
        });
    }

    @Test
    void selectsAWorkloadWithEveryService() {
        assertThat(manifests.of(Service.class)).allSatisfy(service -> assertThat(manifests.podTemplates().values())
                .as(service.getMetadata().getName())
                .anySatisfy(pod -> assertThat(pod.getMetadata().getLabels())
                        .containsAllEntriesOf(service.getSpec().getSelector())));
    }

    private static void assertHealthProbe(String workload, Probe probe) {
        assertThat(probe).as(workload).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as(workload + " probe uses httpGet").isNotNull();
        assertThat(get.getPath()).as(workload).isEqualTo("/health");
        assertThat(get.getPort().getStrVal()).as(workload).isEqualTo("http");
    }
}
