package io.bellwether.ingest.publish;

import io.bellwether.ingest.IngestMetrics;
import io.bellwether.ingest.ProgressSink;
import io.bellwether.ingest.PublishOptions;
import io.bellwether.runtime.kafka.KafkaFailure;
import java.time.Duration;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;

/**
 * Waits out the Kafka errors that {@link KafkaFailure} does not call fatal: exponential backoff, a counted retry
 * and a line saying what happened.
 */
final class BrokerRetry {
    private final PublishOptions options;
    private final IngestMetrics metrics;
    private final ProgressSink progress;

    BrokerRetry(PublishOptions options, IngestMetrics metrics, ProgressSink progress) {
        this.options = options;
        this.metrics = metrics;
        this.progress = progress;
    }

    /** Reports the failure and sleeps before attempt {@code attempt + 1}; an interrupt ends the wait and ingest. */
    void pause(int attempt, KafkaException cause) {
        metrics.brokerRetry();
        String what = KafkaFailure.isUnreachable(cause) ? "broker unreachable" : "kafka error";
        progress.line(what + ", retrying (attempt " + attempt + "): " + KafkaFailure.rootCause(cause).getMessage());
        Duration wait = options.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        try {
            Thread.sleep(Math.min(wait.toMillis(), options.retryBackoffMax().toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }
}
