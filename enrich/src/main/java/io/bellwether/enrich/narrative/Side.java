package io.bellwether.enrich.narrative;

import java.util.Locale;

/** The two sides of a narrative: {@code OPEN} pushes the stance toward +1, {@code CLOSED} toward -1. */
public enum Side {
    OPEN(1.0),
    CLOSED(-1.0);

    private final double sign;

    Side(double sign) {
        this.sign = sign;
    }

    public double sign() {
        return sign;
    }

    /** The lower-case label used in the narrative file and the Avro records. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
