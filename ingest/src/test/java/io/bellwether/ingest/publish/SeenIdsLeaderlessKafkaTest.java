package io.bellwether.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bellwether.runtime.kafka.KafkaSettings;
import io.bellwether.runtime.testing.TestKafka;
import io.bellwether.schemas.Topic;
import io.bellwether.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The dedup state's topic is known to the cluster but its only replica is down (as when a broker's log directory
 * fails): reading it at start says so every attempt instead of waiting out the timeout in silence.
 */
class SeenIdsLeaderlessKafkaTest {
    @Test
    void saysItWaitsWhileTheSeenTopicHasNoLeader() throws Exception {
        try (TestKafka kafka = TestKafka.startCluster(2)) {
            Topic<String, String> seen = new Topics().ingestSeen().renamed("bellwether.seen.leaderless");
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(seen.name(), Map.of(0, List.of(1))))).all().get();
            }
            kafka.stopBroker(1);
            List<String> progress = new CopyOnWriteArrayList<>();
            KafkaSettings settings = KafkaSettings.of(Map.of("bootstrap.servers", kafka.bootstrapServers()));

            assertThatThrownBy(() -> SeenIds.load(settings.reader(), seen, Duration.ofSeconds(25), progress::add))
                    .isInstanceOf(TimeoutException.class);
            progress.forEach(line -> System.out.println("seen-ids: " + line));
            assertThat(progress).anyMatch(line -> line.startsWith("broker unreachable, retrying (attempt 2)")
                    && line.contains(seen.name()));
        }
    }
}
