package io.bellwether.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * Samples the heap every 50 ms on a daemon thread while open: {@link #peakBytes()} is the highest used heap seen,
 * {@link #peakAfterGcBytes()} the highest heap left after a collection (the live set, what a smaller -Xmx must hold).
 */
public final class HeapSampler implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null).toList();
    private volatile long peak;
    private volatile long peakAfterGc;

    public HeapSampler() {
        thread = new Thread(this::sample, "bench-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        while (running) {
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
            peakAfterGc = Math.max(peakAfterGc, heapPools.stream().map(MemoryPoolMXBean::getCollectionUsage)
                    .mapToLong(MemoryUsage::getUsed).sum());
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public long peakBytes() {
        return Math.max(peak, memory.getHeapMemoryUsage().getUsed());
    }

    public long peakAfterGcBytes() {
        return peakAfterGc;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
