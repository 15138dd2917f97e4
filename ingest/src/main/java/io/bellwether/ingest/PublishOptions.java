package io.bellwether.ingest;

import java.time.Duration;

/**
 * How the transactional producer batches and retries: a transaction is committed every {@code batchSize}
 * articles or once {@code batchInterval} has passed, and a failed batch is retried with exponential backoff
 * from {@code retryBackoff} up to {@code retryBackoffMax}.
 */
public record PublishOptions(
        String transactionalId, int batchSize, Duration batchInterval, Duration retryBackoff,
        Duration retryBackoffMax) {

    public PublishOptions {
        Checks.notBlank("ingest.transactional-id", transactionalId);
        Checks.range("ingest.batch-size", batchSize, 1, 10_000);
        Checks.positive("ingest.batch-interval", batchInterval);
        Checks.positive("ingest.retry-backoff", retryBackoff);
        Checks.positive("ingest.retry-backoff-max", retryBackoffMax);
        if (retryBackoffMax.compareTo(retryBackoff) < 0) {
            throw new IllegalArgumentException("ingest.retry-backoff-max (" + retryBackoffMax
                    + ") must not be shorter than ingest.retry-backoff (" + retryBackoff + ")");
        }
    }

    public static PublishOptions defaults(IngestChannel channel) {
        return new PublishOptions(channel.defaultTransactionalId(), 100, Duration.ofSeconds(1),
                Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    public PublishOptions withTransactionalId(String id) {
        return new PublishOptions(id, batchSize, batchInterval, retryBackoff, retryBackoffMax);
    }

    public PublishOptions withBatch(int size, Duration interval) {
        return new PublishOptions(transactionalId, size, interval, retryBackoff, retryBackoffMax);
    }
}
