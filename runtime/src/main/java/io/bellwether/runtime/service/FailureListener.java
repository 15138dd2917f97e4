package io.bellwether.runtime.service;

/** Told by a running {@link Service} that it failed for good; the runner then shuts the process down. */
@FunctionalInterface
public interface FailureListener {
    void failed(String service, String reason);
}
