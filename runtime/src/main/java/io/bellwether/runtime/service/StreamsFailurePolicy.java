package io.bellwether.runtime.service;

import io.bellwether.runtime.kafka.KafkaFailure;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * Decides what Kafka Streams does when a stream thread dies: a non-fatal exception replaces the thread (the
 * task resumes from its last commit, exactly-once keeps the output clean), at most {@code maxReplacements}
 * times per process, so a record that fails every time cannot loop forever; fatal ones (JVM errors, security,
 * broker too old) and the exhausted budget shut the client down, which makes the service fail.
 */
public final class StreamsFailurePolicy implements StreamsUncaughtExceptionHandler {
    private final int maxReplacements;
    private final AtomicInteger replacements = new AtomicInteger();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();

    public StreamsFailurePolicy(int maxReplacements) {
        this.maxReplacements = maxReplacements;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        lastFailure.set(KafkaFailure.describeRoot(exception));
        if (KafkaFailure.isFatal(exception) || replacements.incrementAndGet() > maxReplacements) {
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** The last exception seen, as {@code Type: message}, or null. */
    public String lastFailure() {
        return lastFailure.get();
    }

}
