package io.bellwether.runtime.service;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a process's services: starts them in order, registers each one's health, installs one shutdown hook
 * (SIGTERM, Ctrl-C) and blocks until a stop is requested or a service fails; then closes the started services
 * in reverse order and returns how it ended. The CLI exits with {@link Outcome#exitCode()}.
 */
public final class ServiceRunner {
    private static final long HOOK_WAIT_SECONDS = 120;

    private final List<Service> services;
    private final HealthChecks health;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicReference<Outcome> outcome = new AtomicReference<>();

    public ServiceRunner(List<Service> services, HealthChecks health) {
        this.services = List.copyOf(services);
        this.health = health;
    }

    /** How a run ended. */
    public sealed interface Outcome {
        int exitCode();

        /** Stopped on request (signal or {@link #stop()}): exit code 0. */
        record Stopped() implements Outcome {
            public int exitCode() {
                return 0;
            }
        }

        /** A service failed to start or failed while running: exit code 1. */
        record Failed(String service, String reason) implements Outcome {
            public int exitCode() {
                return 1;
            }
        }
    }

    /** Starts everything, blocks until stopped or failed, closes everything; call once. */
    public Outcome run() throws InterruptedException {
        Thread hook = new Thread(this::stopFromSignal, "bellwether-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Deque<Service> started = startAll();
        stopRequested.await();
        closeAll(started);
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting because of a signal; the hook is what is running.
        }
        return outcome.get();
    }

    /** Asks a running {@link #run()} to close everything and return {@link Outcome.Stopped}. */
    public void stop() {
        finish(new Outcome.Stopped());
    }

    private void stopFromSignal() {
        stop();
        try {
            closed.await(HOOK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Deque<Service> startAll() {
        Deque<Service> started = new ArrayDeque<>();
        FailureListener listener = (service, reason) -> finish(new Outcome.Failed(service, reason));
        for (Service service : services) {
            if (stopRequested.getCount() == 0) {
                break;
            }
            health.register(service.name(), service::health);
            try {
                service.start(listener);
                started.push(service);
            } catch (Exception e) {
                started.push(service);
                finish(new Outcome.Failed(service.name(), "failed to start: " + e.getMessage()));
            }
        }
        return started;
    }

    private void finish(Outcome result) {
        if (outcome.compareAndSet(null, result)) {
            stopRequested.countDown();
        }
    }

    private static void closeAll(Deque<Service> started) {
        while (!started.isEmpty()) {
            Service service = started.pop();
            try {
                service.close();
            } catch (RuntimeException e) {
                // Keep closing the others: a failing close must not leave earlier services open.
            }
        }
    }
}
