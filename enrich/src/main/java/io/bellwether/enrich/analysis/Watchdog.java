package io.bellwether.enrich.analysis;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Interrupts a thread whose time budget is spent: {@link #watch} the calling thread for a budget, do the work,
 * close the returned {@link Watch}. One daemon scheduler thread serves every watched thread; the NLP library
 * checks {@link Thread#interrupted()} inside its annotators, so an interrupt stops a call that would otherwise run
 * for minutes. Closing a watch cancels it and clears an interrupt it sent, so the watched thread (a stream thread)
 * never stays interrupted.
 */
public final class Watchdog implements AutoCloseable {
    private final ScheduledThreadPoolExecutor scheduler;

    public Watchdog() {
        scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "bellwether-enrich-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        // Almost every watch is cancelled long before it would fire: do not keep them queued until then.
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /** Starts watching the calling thread: it is interrupted once {@code budget} has passed, unless closed first. */
    public Watch watch(Duration budget) {
        Watch watch = new Watch(Thread.currentThread());
        watch.schedule(scheduler, budget);
        return watch;
    }

    /** Stops the scheduler thread; watches still open never fire. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /** One watched piece of work. Opened and closed by the watched thread; fired by the scheduler. */
    public static final class Watch implements AutoCloseable {
        private final Thread thread;
        private ScheduledFuture<?> timer;
        private boolean closed;
        private boolean expired;

        private Watch(Thread thread) {
            this.thread = thread;
        }

        private synchronized void schedule(ScheduledThreadPoolExecutor scheduler, Duration budget) {
            timer = scheduler.schedule(this::expire, Math.max(1, budget.toNanos()), TimeUnit.NANOSECONDS);
        }

        // The interrupt is sent under the lock, so once close() holds it no interrupt can arrive any more.
        private synchronized void expire() {
            if (!closed) {
                expired = true;
                thread.interrupt();
            }
        }

        /** Whether the budget ran out (and the watched thread was interrupted) before the watch was closed. */
        public synchronized boolean expired() {
            return expired;
        }

        @Override
        public void close() {
            boolean interrupted;
            synchronized (this) {
                closed = true;
                interrupted = expired;
                timer.cancel(false);
            }
            if (interrupted) {
                // The library may have consumed the interrupt already; if not, it must not outlive the work.
                Thread.interrupted();
            }
        }
    }
}
