package io.bellwether.bench;

import java.util.Locale;

/**
 * One progress line of a load run: counts since the sustained phase began, the enrich group's lag, the enrich
 * JVM's heap, and the per-article latency (ingest to read_committed enriched record) of the last interval.
 */
record LoadLine(double elapsedSeconds, long ingested, long enriched, long lag, HeapReading.Heap heap,
                Percentiles latency) {

    String describe() {
        return String.format(Locale.ROOT, "load: %5.0f s | ingested %6d | enriched %6d | lag %5d | %s | p99 %s",
                elapsedSeconds, ingested, enriched, lag, heap.describe(),
                latency.count() == 0 ? "-" : latency.at(99) + " ms (n=" + latency.count() + ")");
    }
}
