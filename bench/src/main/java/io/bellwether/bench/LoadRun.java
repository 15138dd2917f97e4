package io.bellwether.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sustained ingest against a running enrich stream: articles in through the real ingest publisher at a fixed
 * rate (measured first when not given), a progress line every interval and a summary out, with the enrich
 * group's lag, the enrich JVM's heap and the per-article latency. After the sustained phase it waits for the
 * stream to drain and counts articles missing or enriched twice.
 */
public final class LoadRun {
    /** Articles kept queued ahead of enrich while calibrating, so the stream never idles. */
    private static final int CALIBRATION_BACKLOG = 40;

    /** @param rate articles per second; 0 = 80% of what enrich holds during {@code calibrate} */
    public record Plan(double rate, Duration duration, Duration every, Duration calibrate, Duration drainTimeout) {
    }

    /** What the sustained phase did; {@link #clean()} when nothing was lost or duplicated. */
    public record Result(long ingested, long enriched, long missing, long duplicates, long maxLag, long p99Ms) {
        public boolean clean() {
            return missing == 0 && duplicates == 0;
        }
    }

    private final Plan plan;
    private final LoadFeed feed;
    private final EnrichWatch watch;
    private final ConsumedOffsets offsets;
    private final String inputTopic;
    private final HeapReading heap;
    private final PrintWriter out;
    private final List<LoadLine> lines = new ArrayList<>();
    private final List<Long> latencies = new ArrayList<>();

    LoadRun(Plan plan, LoadFeed feed, EnrichWatch watch, ConsumedOffsets offsets, String inputTopic,
            HeapReading heap, PrintWriter out) {
        this.plan = plan;
        this.feed = feed;
        this.watch = watch;
        this.offsets = offsets;
        this.inputTopic = inputTopic;
        this.heap = heap;
        this.out = out;
    }

    public Result run() throws InterruptedException {
        double rate = plan.rate() > 0 ? plan.rate() : calibrate();
        watch.takeLatencies();
        long baseSent = feed.sent();
        long baseArrived = watch.arrivedCount();
        say(String.format(Locale.ROOT, "load: sustained ingest at %.2f articles/s for %d s; load average %s",
                rate, plan.duration().toSeconds(), SystemLoad.describe()));
        long start = System.nanoTime();
        long next = start + plan.every().toNanos();
        while (System.nanoTime() - start < plan.duration().toNanos()) {
            feed.upTo(baseSent + (long) (rate * (System.nanoTime() - start) / 1e9));
            next = lineIfDue(start, next, baseSent, baseArrived);
            Thread.sleep(50);
        }
        feed.upTo(baseSent + (long) (rate * plan.duration().toMillis() / 1000.0));
        feed.flush();
        line(start, baseSent, baseArrived);
        LoadLine end = lines.get(lines.size() - 1);
        say("load: ingest stopped; waiting up to " + plan.drainTimeout().toSeconds() + " s for enrich to drain");
        awaitArrived(feed.sent(), plan.drainTimeout(), start, baseSent, baseArrived);
        return summary(rate, end, line(start, baseSent, baseArrived));
    }

    private double calibrate() throws InterruptedException {
        say("load: calibrating for " + plan.calibrate().toSeconds() + " s with " + CALIBRATION_BACKLOG
                + " articles queued ahead of enrich");
        long start = System.nanoTime();
        long warm = start + plan.calibrate().toNanos() / 4;
        long arrivedAtWarm = -1;
        while (System.nanoTime() - start < plan.calibrate().toNanos()) {
            feed.upTo(watch.arrivedCount() + CALIBRATION_BACKLOG);
            if (arrivedAtWarm < 0 && System.nanoTime() >= warm) {
                arrivedAtWarm = watch.arrivedCount();
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - warm) / 1e9;
        double held = (watch.arrivedCount() - Math.max(0, arrivedAtWarm)) / seconds;
        feed.flush();
        say(String.format(Locale.ROOT, "load: enrich held %.2f articles/s; draining the backlog", held));
        awaitArrived(feed.sent(), plan.drainTimeout(), start, 0, 0);
        return Math.max(0.1, 0.8 * held);
    }

    private void awaitArrived(long target, Duration timeout, long start, long baseSent, long baseArrived)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long next = System.nanoTime() + plan.every().toNanos();
        while (watch.arrivedCount() < target && System.nanoTime() < deadline) {
            next = lineIfDue(start, next, baseSent, baseArrived);
            Thread.sleep(100);
        }
    }

    private long lineIfDue(long start, long next, long baseSent, long baseArrived) {
        watch.check();
        if (System.nanoTime() < next) {
            return next;
        }
        line(start, baseSent, baseArrived);
        return next + plan.every().toNanos();
    }

    private LoadLine line(long start, long baseSent, long baseArrived) {
        List<Long> window = watch.takeLatencies();
        latencies.addAll(window);
        LoadLine line = new LoadLine((System.nanoTime() - start) / 1e9, feed.sent() - baseSent,
                watch.arrivedCount() - baseArrived, offsets.lag(inputTopic), heap.read(), Percentiles.of(window));
        lines.add(line);
        say(line.describe());
        return line;
    }

    private Result summary(double rate, LoadLine end, LoadLine drained) {
        Percentiles all = Percentiles.of(latencies);
        long missing = drained.ingested() - drained.enriched();
        long maxLag = lines.stream().mapToLong(LoadLine::lag).max().orElse(0);
        new LoadSummary(out).print(rate, plan.duration(), end, drained, lines, all, watch, SystemLoad.describe());
        return new Result(drained.ingested(), drained.enriched(), missing, watch.duplicates(), maxLag, all.at(99));
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }
}
