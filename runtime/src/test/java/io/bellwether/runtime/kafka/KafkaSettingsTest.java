package io.bellwether.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bellwether.runtime.config.ConfigException;
import io.bellwether.runtime.config.ConfigSources;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.Settings;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {
    private final Settings settings = RuntimeKeys.definition().resolve(ConfigSources.flagsOnly(Map.of(
            "bootstrap.servers", "kafka-1:9092,kafka-2:9092",
            "state.dir", "/var/lib/bellwether",
            "streams.threads", "3",
            "topics.replication", "3",
            "kafka.security.protocol", "SASL_SSL",
            "kafka.linger.ms", "20")));
    private final KafkaSettings kafka = new KafkaSettings(settings);

    @Test
    void makesIdempotentAcksAllProducersThatReportAnUnreachableBrokerWithinSeconds() {
        Properties producer = kafka.producer("ingest-files");

        assertThat(producer)
                .containsEntry("bootstrap.servers", "kafka-1:9092,kafka-2:9092")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("transactional.id", "ingest-files")
                .containsEntry("acks", "all")
                .containsEntry("max.block.ms", "10000")
                .containsEntry("security.protocol", "SASL_SSL");
        assertThat(kafka.producer(null)).doesNotContainKey("transactional.id");
    }

    @Test
    void letsTheKafkaPassthroughWinOverBellwetherDefaults() {
        assertThat(kafka.producer(null)).containsEntry("linger.ms", "20");
        assertThat(with(Map.of("kafka.max.block.ms", "2500")).producer("t")).containsEntry("max.block.ms", "2500");
    }

    @Test
    void refusesAPassthroughThatBreaksExactlyOnce() {
        assertThatThrownBy(() -> with(Map.of("kafka.acks", "1")).producer("t")).isInstanceOf(ConfigException.class)
                .hasMessage("invalid value '1' for kafka.acks: Bellwether requires acks=all (exactly-once)");
        assertThatThrownBy(() -> with(Map.of("kafka.enable.idempotence", "false")).producer(null))
                .hasMessageContaining("enable.idempotence=true");
        assertThatThrownBy(() -> with(Map.of("kafka.isolation.level", "read_uncommitted")).reader())
                .hasMessageContaining("isolation.level=read_committed");
        assertThat(with(Map.of("kafka.acks", "-1")).producer("t")).containsEntry("acks", "all");
    }

    @Test
    void keepsAReaderGroupLessEvenWhenThePassthroughNamesAGroup() {
        assertThat(with(Map.of("kafka.group.id", "someone")).reader()).doesNotContainKey("group.id");
        assertThat(with(Map.of("kafka.group.id", "someone")).consumer("tail")).containsEntry("group.id", "tail");
    }

    @Test
    void makesReadCommittedConsumers() {
        assertThat(kafka.consumer("tail")).containsEntry("isolation.level", "read_committed")
                .containsEntry("group.id", "tail")
                .containsEntry("security.protocol", "SASL_SSL");
        assertThat(kafka.reader()).containsEntry("isolation.level", "read_committed").doesNotContainKey("group.id");
    }

    @Test
    void makesExactlyOnceStreamsWithStateDirThreadsAndReplication() {
        assertThat(kafka.streams("bellwether-enrich"))
                .containsEntry("application.id", "bellwether-enrich")
                .containsEntry("processing.guarantee", "exactly_once_v2")
                .containsEntry("state.dir", "/var/lib/bellwether")
                .containsEntry("num.stream.threads", "3")
                .containsEntry("replication.factor", "3")
                .containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void keepsTwoReplicasInSyncOfThreeUnlessToldOtherwise() {
        assertThat(kafka.minInsyncReplicas()).isEqualTo(2);
        assertThat(kafka.streams("bellwether-enrich")).containsEntry("topic.min.insync.replicas", "2");
        assertThat(with(Map.of("topics.replication", "3", "topics.min-insync-replicas", "3")).minInsyncReplicas())
                .isEqualTo(3);
        assertThat(with(Map.of()).minInsyncReplicas()).isEqualTo(1);
        assertThat(with(Map.of()).streams("bellwether-enrich")).doesNotContainKey("topic.min.insync.replicas");
    }

    @Test
    void refusesMoreReplicasInSyncThanThereAreReplicas() {
        assertThatThrownBy(() -> with(Map.of("topics.replication", "2", "topics.min-insync-replicas", "3"))
                .minInsyncReplicas()).isInstanceOf(ConfigException.class)
                .hasMessage("invalid value '3' for topics.min-insync-replicas: must not exceed topics.replication (2)");
    }

    private static KafkaSettings with(Map<String, String> flags) {
        return KafkaSettings.of(flags);
    }

    @Test
    void makesAdminClientsWithTheSameSecurity() {
        assertThat(kafka.admin()).containsOnly(Map.entry("bootstrap.servers", "kafka-1:9092,kafka-2:9092"),
                Map.entry("security.protocol", "SASL_SSL"), Map.entry("linger.ms", "20"));
    }
}
