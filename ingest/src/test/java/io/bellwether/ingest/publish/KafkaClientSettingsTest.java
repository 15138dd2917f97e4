package io.bellwether.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaClientSettingsTest {
    private final KafkaClientSettings settings = new KafkaClientSettings();

    private static Properties base(String... pairs) {
        Properties props = new Properties();
        props.put("bootstrap.servers", "localhost:9092");
        for (int i = 0; i < pairs.length; i += 2) {
            props.put(pairs[i], pairs[i + 1]);
        }
        return props;
    }

    @Test
    void makesTheProducerIdempotentTransactionalAndAcksAll() {
        Properties producer = settings.producer(base("security.protocol", "SSL"), "bellwether-ingest-files");
        assertThat(producer).containsEntry("enable.idempotence", "true").containsEntry("acks", "all")
                .containsEntry("transactional.id", "bellwether-ingest-files")
                .containsEntry("security.protocol", "SSL").containsEntry("bootstrap.servers", "localhost:9092");
    }

    @Test
    void keepsACallersMaxBlockButShortensTheDefault() {
        assertThat(settings.producer(base(), "t")).containsEntry("max.block.ms", "10000");
        assertThat(settings.producer(base("max.block.ms", "2500"), "t")).containsEntry("max.block.ms", "2500");
    }

    @Test
    void refusesSettingsThatBreakExactlyOnce() {
        assertThatThrownBy(() -> settings.producer(base("acks", "1"), "t"))
                .hasMessageContaining("ingest requires acks=all").hasMessageContaining("acks=1");
        assertThatThrownBy(() -> settings.producer(base("enable.idempotence", "false"), "t"))
                .hasMessageContaining("enable.idempotence=true");
        assertThatThrownBy(() -> settings.seenReader(base("isolation.level", "read_uncommitted")))
                .hasMessageContaining("isolation.level=read_committed");
    }

    @Test
    void readsTheSeenTopicCommittedOnlyWithoutAGroup() {
        Properties reader = settings.seenReader(base("group.id", "someone", "acks", "-1"));
        assertThat(reader).containsEntry("isolation.level", "read_committed").doesNotContainKey("group.id");
    }
}
