package io.bellwether.runtime.kafka;

/** A Kafka operation failed in a way a person must fix (broker unreachable, topic refused); one-line message. */
public final class KafkaUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
