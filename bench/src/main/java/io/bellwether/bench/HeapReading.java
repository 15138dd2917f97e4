package io.bellwether.bench;

import java.util.function.Supplier;

/**
 * A service's Prometheus text in (its {@code /metrics}, scraped or rendered in process), its heap out: the heap in
 * use now and the live data left by the last full collection (Micrometer's {@code jvm.gc.live.data.size}).
 */
final class HeapReading {
    private final Supplier<String> metrics;

    HeapReading(Supplier<String> metrics) {
        this.metrics = metrics;
    }

    record Heap(long usedBytes, long liveBytes) {
        static final Heap UNKNOWN = new Heap(-1, -1);

        String describe() {
            return usedBytes < 0 ? "heap ?" : "heap " + (usedBytes >> 20) + " MB (live " + (liveBytes >> 20) + " MB)";
        }
    }

    Heap read() {
        String text;
        try {
            text = metrics.get();
        } catch (RuntimeException e) {
            return Heap.UNKNOWN;
        }
        long used = 0;
        long live = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                used += value(line);
            } else if (line.startsWith("jvm_gc_live_data_size_bytes")) {
                live = value(line);
            }
        }
        return new Heap(used, live);
    }

    private static long value(String line) {
        String[] fields = line.trim().split(" ");
        return (long) Double.parseDouble(fields[fields.length - 1]);
    }
}
