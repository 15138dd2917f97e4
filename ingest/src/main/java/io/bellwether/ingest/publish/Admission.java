package io.bellwether.ingest.publish;

/** What the publisher did with one article: queued for the next transaction, dropped as a duplicate, or
 * refused because its encoded record exceeds the producer's request size. */
public record Admission(String id, Status status) {
    public enum Status { QUEUED, DUPLICATE, TOO_LARGE }

    public boolean duplicate() {
        return status == Status.DUPLICATE;
    }
}
