package io.bellwether.runtime.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.schemas.Topics;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerServiceTest {
    @TempDir
    Path dataDir;

    @Test
    void createsTheCatalogOnFirstStartAndFindsItOnTheNext() {
        BrokerService first = new BrokerService(0, dataDir, new Topics().all(), 1);
        first.start((service, reason) -> { });
        int port = first.broker().port();
        try {
            assertThat(first.health().up()).isTrue();
            assertThat(first.topicSummary().createdCount()).isEqualTo(new Topics().all().size());
        } finally {
            first.close();
        }
        assertThat(first.health().up()).isFalse();

        BrokerService second = new BrokerService(port, dataDir, new Topics().all(), 1);
        second.start((service, reason) -> { });
        try {
            assertThat(second.topicSummary().changedNothing()).isTrue();
            assertThat(second.topicSummary().lines()).last()
                    .isEqualTo("6 topics: 0 created, 6 already existed");
        } finally {
            second.close();
        }
    }
}
