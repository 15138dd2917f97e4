package io.bellwether.ingest;

import java.time.Duration;

/**
 * How feeds are polled: every {@code pollInterval}, backing off exponentially up to {@code maxBackoff} after
 * errors; with {@code fetchFullText} the linked page is fetched when an item carries fewer than
 * {@code fullTextBelowChars} characters of text. A feed or page body larger than {@code maxBytes} (counted after
 * gzip decoding) is refused, and reading it stops there.
 */
public record FeedOptions(
        Duration pollInterval, Duration maxBackoff, Duration httpTimeout, boolean fetchFullText,
        int fullTextBelowChars, int maxBytes) {
    /** The largest {@code maxBytes} accepted: the body is held in memory while it is parsed. */
    public static final int MAX_BYTES_LIMIT = 256 << 20;

    public FeedOptions {
        Checks.positive("ingest.feed.poll-interval", pollInterval);
        Checks.positive("ingest.feed.max-backoff", maxBackoff);
        Checks.positive("ingest.feed.http-timeout", httpTimeout);
        Checks.range("ingest.feed.full-text-below-chars", fullTextBelowChars, 0, 1_000_000);
        Checks.range("ingest.feed.max-bytes", maxBytes, 1, MAX_BYTES_LIMIT);
    }

    public static FeedOptions defaults() {
        return new FeedOptions(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofSeconds(20), false, 600,
                8 << 20);
    }

    public FeedOptions withFullText(boolean enabled) {
        return new FeedOptions(pollInterval, maxBackoff, httpTimeout, enabled, fullTextBelowChars, maxBytes);
    }

    public FeedOptions withMaxBytes(int limit) {
        return new FeedOptions(pollInterval, maxBackoff, httpTimeout, fetchFullText, fullTextBelowChars, limit);
    }
}
