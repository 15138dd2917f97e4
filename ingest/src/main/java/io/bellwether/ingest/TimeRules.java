package io.bellwether.ingest;

import java.time.Duration;
import java.time.Instant;

/**
 * Which event times are believable: a {@code publishedAt} before {@code earliest} or more than
 * {@code maxFuture} after the ingest time is a reported skip, not a silently clamped value.
 */
public record TimeRules(Instant earliest, Duration maxFuture) {
    public static final Instant YEAR_1990 = Instant.parse("1990-01-01T00:00:00Z");

    public TimeRules {
        if (earliest == null) {
            throw new IllegalArgumentException("ingest.earliest-published-at must be set");
        }
        Checks.positive("ingest.max-future", maxFuture);
    }

    public static TimeRules defaults() {
        return new TimeRules(YEAR_1990, Duration.ofDays(1));
    }
}
