package io.bellwether.runtime.service;

/**
 * A long-running part of a process (HTTP endpoint, producer loop, Kafka Streams app) that {@link ServiceRunner}
 * starts in order and closes in reverse order. A service that fails after start reports it to the listener.
 */
public interface Service extends AutoCloseable {

    String name();

    /** Starts the service; may return before it is fully up (health says when it is). */
    void start(FailureListener failures) throws Exception;

    Health health();

    /**
     * Stops the service, flushing what it holds; must not throw, must return within a bounded time, and is also
     * called after a failed {@link #start} to release what was acquired.
     */
    @Override
    void close();
}
