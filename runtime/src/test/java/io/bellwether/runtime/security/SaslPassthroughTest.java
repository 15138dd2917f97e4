package io.bellwether.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bellwether.runtime.broker.EmbeddedBroker;
import io.bellwether.runtime.config.ConfigSources;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.kafka.KafkaSettings;
import io.bellwether.runtime.kafka.TopicCreator;
import io.bellwether.runtime.tail.TailOptions;
import io.bellwether.runtime.tail.TopicTail;
import io.bellwether.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SASL needs no code: {@code kafka.*} settings reach every client. A real broker whose client listener requires
 * SASL/PLAIN accepts Bellwether's admin, producer and reader with the right credentials, refuses a wrong password,
 * and the JAAS config never shows in the printed settings.
 */
class SaslPassthroughTest {
    private static final String BROKER_JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username=\"admin\" password=\"admin-secret\" user_admin=\"admin-secret\" user_bellwether=\"s3cret-pw\";";

    private static final Map<String, String> ADMIN_CLIENT = Map.of("security.protocol", "SASL_PLAINTEXT",
            "sasl.mechanism", "PLAIN", "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule"
                    + " required username=\"admin\" password=\"admin-secret\";");

    @Test
    void clientsAuthenticateWithSaslPlainFromKafkaPrefixedSettings(@TempDir Path dir) throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dir, Map.of(
                "listener.security.protocol.map", "PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
                "sasl.enabled.mechanisms", "PLAIN",
                "sasl.mechanism.inter.broker.protocol", "PLAIN",
                "listener.name.plaintext.plain.sasl.jaas.config", BROKER_JAAS), ADMIN_CLIENT)) {
            Settings good = settings(broker, "s3cret-pw");
            Topics topics = new Topics();

            assertThat(TopicCreator.from(good).create(topics.all()).createdCount()).isEqualTo(topics.all().size());
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(new KafkaSettings(good).producer(null),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(topics.ingestSeen().name(), "id-1".getBytes(StandardCharsets.UTF_8),
                        "2026-10-04T09:00:00Z".getBytes(StandardCharsets.UTF_8))).get();
            }
            List<String> lines = new ArrayList<>();
            new TopicTail(new KafkaSettings(good).reader(), topics, lines::add)
                    .run(new TailOptions(topics.ingestSeen().name(), true, 1, Duration.ofSeconds(30)));
            assertThat(lines).singleElement().asString().contains("\"key\":\"id-1\"");

            assertThat(good.describe()).doesNotContain("s3cret-pw").contains("kafka.sasl.jaas.config = ******");
            Settings wrong = settings(broker, "not-the-password");
            assertThatThrownBy(() -> TopicCreator.from(wrong).create(topics.all()))
                    .hasMessageContaining("uthentication");
        }
    }

    private static Settings settings(EmbeddedBroker broker, String password) {
        return RuntimeKeys.definition().resolve(ConfigSources.flagsOnly(Map.of(
                "bootstrap.servers", broker.bootstrapServers(),
                "kafka.security.protocol", "SASL_PLAINTEXT",
                "kafka.sasl.mechanism", "PLAIN",
                "kafka.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                        + " username=\"bellwether\" password=\"" + password + "\";")));
    }
}
