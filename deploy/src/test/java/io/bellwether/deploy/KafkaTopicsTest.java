package io.bellwether.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.schemas.Topic;
import io.bellwether.schemas.Topics;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KafkaTopicsTest {
    private final Map<String, KafkaTopic> manifests;
    private final List<Topic<String, ?>> catalog = new Topics().all();

    KafkaTopicsTest() throws IOException {
        this.manifests = new Manifests().of(KafkaTopic.class).stream()
                .collect(Collectors.toMap(topic -> topic.getSpec().getTopicName(), Function.identity()));
    }

    @Test
    void declaresEveryCatalogTopicAndNoOther() {
        assertThat(manifests.keySet()).containsExactlyInAnyOrderElementsOf(catalog.stream().map(Topic::name).toList());
    }

    @Test
    void givesEachTopicTheCatalogPartitionsCleanupAndRetention() {
        assertThat(catalog).allSatisfy(topic -> {
            KafkaTopic manifest = manifests.get(topic.name());
            assertThat(manifest.getSpec().getPartitions()).as(topic.name()).isEqualTo(topic.partitions());
            assertThat(manifest.getSpec().getConfig()).as(topic.name())
                    .containsEntry("cleanup.policy", topic.cleanupPolicy());
            assertThat(manifest.getSpec().getConfig().get("retention.ms")).as(topic.name())
                    .asString().isEqualTo(Long.toString(topic.retentionMs()));
            assertThat(manifest.getSpec().getConfig().get(Topic.TIMESTAMP_TYPE)).as(topic.name())
                    .isEqualTo(topic.configs().get(Topic.TIMESTAMP_TYPE));
        });
    }

    @Test
    void replicatesEveryTopicThreeTimesWithTwoInSync() {
        assertThat(manifests.values()).allSatisfy(topic -> {
            assertThat(topic.getSpec().getReplicas()).as(topic.getSpec().getTopicName()).isEqualTo(3);
            assertThat(topic.getSpec().getConfig()).containsEntry("min.insync.replicas", 2);
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "bellwether");
        });
    }
}
