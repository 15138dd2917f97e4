package io.bellwether.ingest.publish;

import io.bellwether.ingest.IngestMetrics;
import io.bellwether.ingest.ProgressSink;
import io.bellwether.ingest.PublishOptions;
import java.time.Duration;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Decides once which Kafka errors end ingest (security, an unsupported broker, an interrupt) and which are
 * waited out, and waits them out: exponential backoff, a counted retry and a line saying what happened.
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

    static boolean fatal(KafkaException error) {
        return error instanceof InterruptException || error instanceof AuthenticationException
                || error instanceof AuthorizationException || error instanceof UnsupportedVersionException;
    }

    /** Reports the failure and sleeps before attempt {@code attempt + 1}; an interrupt ends the wait and ingest. */
    void pause(int attempt, KafkaException cause) {
        metrics.brokerRetry();
        progress.line((unreachable(cause) ? "broker unreachable" : "kafka error") + ", retrying (attempt " + attempt
                + "): " + rootMessage(cause));
        Duration wait = options.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        try {
            Thread.sleep(Math.min(wait.toMillis(), options.retryBackoffMax().toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    /** Failed sends surface as a generic error state at commit; the timeout that caused them sits beneath. */
    private static boolean unreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof NetworkException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
