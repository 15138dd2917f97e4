package io.bellwether.cli.demo;

import io.bellwether.runtime.service.FailureListener;
import io.bellwether.runtime.service.Health;
import io.bellwether.runtime.service.Service;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Prints the demo's progress line (ingested / enriched / scored, rate, dead-lettered) every two seconds and the
 * narrative table whenever it changes. With {@code untilIdle}, once the corpus is ingested and every article is
 * enriched (or dead-lettered) and scored, and the counts held still for a few seconds, it prints the final
 * table and calls {@code onIdle}.
 */
final class DemoMonitor implements Service {
    private static final long TICK_MS = 2_000;
    private static final int STILL_TICKS_FOR_IDLE = 3;

    private final MeterRegistry registry;
    private final ScoreTable table;
    private final BooleanSupplier ingestDone;
    private final PrintWriter out;
    private final Optional<Runnable> onIdle;
    private final Supplier<String> httpBase;
    private Thread thread;

    DemoMonitor(MeterRegistry registry, ScoreTable table, BooleanSupplier ingestDone, PrintWriter out,
                Optional<Runnable> onIdle, Supplier<String> httpBase) {
        this.httpBase = httpBase;
        this.registry = registry;
        this.table = table;
        this.ingestDone = ingestDone;
        this.out = out;
        this.onIdle = onIdle;
    }

    @Override
    public String name() {
        return "demo-monitor";
    }

    @Override
    public void start(FailureListener failures) {
        print("demo: narrative page " + httpBase.get() + "/, query API " + httpBase.get() + "/api/narratives, metrics "
                + httpBase.get() + "/metrics");
        thread = new Thread(this::loop, "demo-monitor");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long started = System.nanoTime();
        PipelineCounts last = null;
        String lastTable = "";
        int still = 0;
        while (!Thread.currentThread().isInterrupted()) {
            PipelineCounts now = PipelineCounts.read(registry);
            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            print(String.format(Locale.ROOT, "progress: ingested %d (%d duplicates) | enriched %d (%.1f/s) | scored %d"
                    + " | dead-lettered %d%s", now.published(), now.duplicates(), now.enriched(), now.enriched() / seconds,
                    now.scored(), now.deadLettered(), ingestDone.getAsBoolean() ? "" : " | ingesting..."));
            String current = table.render().orElse("");
            if (!current.isEmpty() && !current.equals(lastTable)) {
                print(current);
                lastTable = current;
            }
            // A re-run against a cluster that already holds the corpus publishes nothing: idle at once.
            boolean caughtUp = ingestDone.getAsBoolean()
                    && (now.published() == 0 || now.caughtUp());
            still = caughtUp && now.equals(last) ? still + 1 : 0;
            last = now;
            if (still >= STILL_TICKS_FOR_IDLE && onIdle.isPresent()) {
                print("demo: corpus fully scored; final table:");
                print(table.render().orElse("(no narrative scores)"));
                onIdle.get().run();
                return;
            }
            if (!sleep()) {
                return;
            }
        }
    }

    private void print(String text) {
        out.println(text);
        out.flush();
    }

    private static boolean sleep() {
        try {
            Thread.sleep(TICK_MS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public Health health() {
        return thread != null && thread.isAlive() ? Health.up("reporting") : Health.up("done");
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
