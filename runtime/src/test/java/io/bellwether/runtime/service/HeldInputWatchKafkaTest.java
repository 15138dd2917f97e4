package io.bellwether.runtime.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.runtime.testing.TestKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * A real broker and a producer that keeps a transaction open on one partition of the input: the watch names the
 * partition once it has been held for {@code input.held-after} and lets it go once the transaction ends. (A
 * transaction the coordinator has lost cannot be made on purpose; one left open by a live producer looks the same
 * to a reader of the partition's ends.)
 */
class HeldInputWatchKafkaTest {
    private static final String TOPIC = "held.input";
    private static final Duration AFTER = Duration.ofSeconds(2);

    @Test
    void namesAPartitionHeldByAnOpenTransactionAndReleasesItWhenTheTransactionEnds() throws Exception {
        try (TestKafka kafka = TestKafka.start()) {
            Properties client = new Properties();
            client.put("bootstrap.servers", kafka.bootstrapServers());
            try (Admin admin = Admin.create(client)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
            }
            kafka.sendRaw(TOPIC, 1, bytes("before"), bytes("committed"), null);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            HeldInputWatch watch = new HeldInputWatch(client, List.of(TOPIC), AFTER, registry);
            Properties producerProps = new Properties();
            producerProps.putAll(client);
            producerProps.put("transactional.id", "held-input-test");
            producerProps.put("transaction.timeout.ms", "60000");
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(TOPIC, 0, bytes("k"), bytes("open"))).get();
                watch.start((service, reason) -> { });

                String held = awaitDetail(watch, detail -> detail.startsWith("held by"));
                assertThat(held).startsWith("held by a transaction that does not end: [" + TOPIC
                        + "-0 at offset 0 (end 1) for ").endsWith(" s]").doesNotContain(TOPIC + "-1");
                assertThat(watch.health().up()).isTrue();
                assertThat(registry.get("bellwether.input.held.partitions").gauge().value()).isEqualTo(1.0);

                producer.commitTransaction();
                assertThat(awaitDetail(watch, detail -> !detail.startsWith("held by")))
                        .isEqualTo("no input partition held by an open transaction");
                assertThat(registry.get("bellwether.input.held.partitions").gauge().value()).isEqualTo(0.0);
            } finally {
                watch.close();
            }
        }
    }

    private static String awaitDetail(HeldInputWatch watch, Predicate<String> wanted) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            String detail = watch.health().detail();
            if (wanted.test(detail)) {
                return detail;
            }
            Thread.sleep(100);
        }
        return watch.health().detail();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
