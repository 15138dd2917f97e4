package io.bellwether.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IngestConfigTest {
    @Test
    void derivesTheTransactionalIdFromTheChannel() {
        assertThat(IngestConfig.defaults(IngestChannel.RSS).publish().transactionalId())
                .isEqualTo("bellwether-ingest-rss");
    }

    @Test
    void bindsPushToLoopbackWithAOneMebibyteLimitByDefault() {
        PushOptions push = IngestConfig.defaults(IngestChannel.HTTP).push();
        assertThat(push.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(push.maxBodyBytes()).isEqualTo(1 << 20);
        assertThat(push.bearerToken()).isEmpty();
    }

    @Test
    void namesTheOptionAndValueItRefuses() {
        assertThatThrownBy(() -> PublishOptions.defaults(IngestChannel.FILES).withBatch(0, Duration.ofSeconds(1)))
                .hasMessage("ingest.batch-size must be between 1 and 10000, was 0");
        assertThatThrownBy(() -> new PushOptions("127.0.0.1", 70_000, 10, Optional.empty()))
                .hasMessage("ingest.http.port must be between 0 and 65535, was 70000");
        assertThatThrownBy(() -> PushOptions.defaults().withBearerToken(" "))
                .hasMessage("ingest.http.token must not be blank");
        assertThatThrownBy(() -> IngestConfig.defaults(IngestChannel.FILES).withProgressEvery(0))
                .hasMessageContaining("ingest.progress-every");
        assertThatThrownBy(() -> new TimeRules(TimeRules.YEAR_1990, Duration.ZERO))
                .hasMessage("ingest.max-future must be a positive duration, was PT0S");
    }
}
