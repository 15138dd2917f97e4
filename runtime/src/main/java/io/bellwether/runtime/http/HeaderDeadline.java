package io.bellwether.runtime.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The executor of a JDK {@code HttpServer} that bounds how long a client may take to send its request line and
 * headers (the slowloris pattern): each exchange runs on a worker of its own, and when its headers have not all
 * arrived within the deadline the worker is interrupted, which closes the socket (the JDK reads it through an
 * interruptible channel) and frees the worker. {@link #guard(HttpContext)} marks a context's requests as arrived
 * before their handler runs, so a handler is never interrupted.
 *
 * <p>The JDK's own knob for this, {@code sun.net.httpserver.maxReqTime}, is a JVM-wide system property read once by
 * the first server; a deadline owned by each endpoint does not depend on who created a server first.
 */
public final class HeaderDeadline implements Executor, AutoCloseable {
    /** Long enough for any real client on a slow link to send a few kilobytes of headers. */
    public static final Duration DEFAULT = Duration.ofSeconds(10);
    /** Concurrent slow clients a server tolerates before normal requests wait for the deadline to free a worker. */
    public static final int DEFAULT_WORKERS = 64;

    private final Duration deadline;
    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor timer;
    private final ThreadLocal<Slot> current = new ThreadLocal<>();

    public HeaderDeadline(String name, int workerCount, Duration deadline) {
        this.deadline = deadline;
        this.workers = new ThreadPoolExecutor(workerCount, workerCount, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> daemon(runnable, name));
        workers.allowCoreThreadTimeOut(true);
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> daemon(runnable, name + "-deadline"));
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void execute(Runnable exchange) {
        Slot slot = new Slot();
        // Counted from dispatch, so a connection queued behind busy workers is bounded as well.
        ScheduledFuture<?> expiry = timer.schedule(slot::expire, deadline.toMillis(), TimeUnit.MILLISECONDS);
        workers.execute(() -> run(exchange, slot, expiry));
    }

    /** Adds the filter that marks a request's headers as arrived; call it on every context of the server. */
    public HttpContext guard(HttpContext context) {
        context.getFilters().add(new Arrived());
        return context;
    }

    private void run(Runnable exchange, Slot slot, ScheduledFuture<?> expiry) {
        slot.begin(Thread.currentThread());
        current.set(slot);
        try {
            exchange.run();
        } finally {
            current.remove();
            slot.finish();
            expiry.cancel(false);
            // An expiry that raced the end of the exchange must not reach the next one on this worker.
            Thread.interrupted();
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        timer.shutdownNow();
    }

    /** Runs after the JDK has parsed the headers and before the handler: from here on, no interrupt. */
    private final class Arrived extends Filter {
        @Override
        public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
            Slot slot = current.get();
            if (slot != null && !slot.arrive()) {
                exchange.close();
                return;
            }
            chain.doFilter(exchange);
        }

        @Override
        public String description() {
            return "marks the request headers as arrived within the deadline";
        }
    }

    /** One exchange's race between its headers arriving and its deadline; the lock keeps interrupts inside it. */
    private static final class Slot {
        private Thread worker;
        private boolean expired;
        private boolean arrived;

        synchronized void begin(Thread thread) {
            worker = thread;
            if (expired) {
                thread.interrupt();
            }
        }

        synchronized void expire() {
            if (!arrived) {
                expired = true;
                if (worker != null) {
                    worker.interrupt();
                }
            }
        }

        synchronized boolean arrive() {
            if (!expired) {
                arrived = true;
            }
            return arrived;
        }

        synchronized void finish() {
            arrived = true;
            worker = null;
        }
    }
}
