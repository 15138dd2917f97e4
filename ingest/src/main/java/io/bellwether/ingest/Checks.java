package io.bellwether.ingest;

import java.time.Duration;

/** Validation shared by the ingest option records; messages name the option and the rejected value. */
final class Checks {
    private Checks() {
    }

    static void notBlank(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " must not be blank");
        }
    }

    static void range(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", was " + value);
        }
    }

    static void positive(String option, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(option + " must be a positive duration, was " + value);
        }
    }
}
