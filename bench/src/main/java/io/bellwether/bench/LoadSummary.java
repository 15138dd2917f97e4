package io.bellwether.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The closing lines of a load run: rate held, loss and duplicates, lag over time, heap, latency, machine load. */
final class LoadSummary {
    private final PrintWriter out;

    LoadSummary(PrintWriter out) {
        this.out = out;
    }

    /**
     * @param end the line when ingest stopped
     * @param drained the line after waiting for enrich to drain
     */
    void print(double rate, Duration duration, LoadLine end, LoadLine drained, List<LoadLine> lines,
               Percentiles latency, EnrichWatch watch, String loadAverage) {
        out.println("load summary:");
        out.printf(Locale.ROOT, "  target %.2f articles/s for %d s: ingested %d (%.2f/s), enriched %d by then"
                        + " (%.2f/s)%n", rate, duration.toSeconds(), end.ingested(),
                end.ingested() / end.elapsedSeconds(), end.enriched(), end.enriched() / end.elapsedSeconds());
        out.printf(Locale.ROOT, "  after drain: enriched %d of %d (%d dead-lettered), missing %d, duplicates %d%n",
                drained.enriched(), drained.ingested(), watch.deadLetters(), drained.ingested() - drained.enriched(),
                watch.duplicates());
        out.println("  enrich lag (records) per line: " + lines.stream().map(line -> Long.toString(line.lag()))
                .collect(Collectors.joining(" ")));
        out.println("  enrich heap used per line (MB): " + lines.stream()
                .map(line -> Long.toString(line.heap().usedBytes() >> 20)).collect(Collectors.joining(" ")));
        out.println("  enrich live heap after GC per line (MB): " + lines.stream()
                .map(line -> Long.toString(line.heap().liveBytes() >> 20)).collect(Collectors.joining(" ")));
        out.println("  latency ingest -> enriched (read_committed): " + latency.describe());
        out.println("  load average at end: " + loadAverage);
        out.flush();
    }
}
