package io.bellwether.runtime.service;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
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
        lastFailure.set(describe(exception));
        if (isFatal(exception) || replacements.incrementAndGet() > maxReplacements) {
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** The last exception seen, as {@code Type: message}, or null. */
    public String lastFailure() {
        return lastFailure.get();
    }

    static boolean isFatal(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof Error || cause instanceof AuthenticationException
                    || cause instanceof AuthorizationException || cause instanceof UnsupportedVersionException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static String describe(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
