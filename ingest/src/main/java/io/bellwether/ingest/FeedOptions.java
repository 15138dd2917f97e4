package io.bellwether.ingest;

import java.time.Duration;

/**
 * How feeds are polled: every {@code pollInterval}, backing off exponentially up to {@code maxBackoff} after
 * errors; with {@code fetchFullText} the linked page is fetched when an item carries fewer than
 * {@code fullTextBelowChars} characters of text.
 */
public record FeedOptions(
        Duration pollInterval, Duration maxBackoff, Duration httpTimeout, boolean fetchFullText,
        int fullTextBelowChars) {

    public FeedOptions {
        Checks.positive("ingest.feed.poll-interval", pollInterval);
        Checks.positive("ingest.feed.max-backoff", maxBackoff);
        Checks.positive("ingest.feed.http-timeout", httpTimeout);
        Checks.range("ingest.feed.full-text-below-chars", fullTextBelowChars, 0, 1_000_000);
    }

    public static FeedOptions defaults() {
        return new FeedOptions(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofSeconds(20), false, 600);
    }

    public FeedOptions withFullText(boolean enabled) {
        return new FeedOptions(pollInterval, maxBackoff, httpTimeout, enabled, fullTextBelowChars);
    }
}
