package io.bellwether.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * CPU time per thread between a start snapshot and {@link #since}: where the cores went during a phase, grouped by
 * role (stream threads one by one, their producers, the broker, the rest). A cheap profile that the benchmark can
 * print every run, where JFR would need a second tool to read.
 */
public final class ThreadCpu {
    static final String PROCESS = "jvm-total";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> startCpu;
    private final long startNanos = System.nanoTime();
    private final long startProcessCpu = processCpuNanos();
    private final long startGcMs = gcMillis();
    private final long startJitMs = jitMillis();

    public ThreadCpu() {
        if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
        this.startCpu = cpuById();
    }

    /** CPU seconds by group since construction, and the wall-clock seconds of the span. */
    public record Usage(Map<String, Double> cpuSeconds, double wallSeconds, double gcSeconds, double jitSeconds) {

        /** CPU seconds of the whole process, JIT and GC threads included. */
        public double processSeconds() {
            return cpuSeconds.getOrDefault(PROCESS, 0.0);
        }

        public String describe() {
            StringJoiner groups = new StringJoiner("; ");
            cpuSeconds.forEach((group, seconds) -> groups.add(String.format(Locale.ROOT, "%s %.1f (%.0f%%)", group,
                    seconds, 100 * seconds / wallSeconds)));
            return String.format(Locale.ROOT, "wall %.1f s; GC time %.1f s, JIT time %.1f s; CPU s: %s", wallSeconds,
                    gcSeconds, jitSeconds, groups);
        }
    }

    public Usage since() {
        Map<String, Double> groups = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue;
            }
            long used = cpu - startCpu.getOrDefault(info.getThreadId(), 0L);
            groups.merge(group(info.getThreadName()), used / 1e9, Double::sum);
        }
        // JIT compiler and GC threads are not Java threads: the process total minus the groups is their share.
        double process = (processCpuNanos() - startProcessCpu) / 1e9;
        groups.put(PROCESS, process);
        return new Usage(groups, (System.nanoTime() - startNanos) / 1e9, (gcMillis() - startGcMs) / 1e3,
                (jitMillis() - startJitMs) / 1e3);
    }

    /** The role of a thread by its name; each stream thread is its own group, so idle ones show. */
    static String group(String name) {
        int stream = name.indexOf("StreamThread-");
        if (stream >= 0 && !name.contains("producer") && !name.contains("consumer")) {
            return "stream-" + name.substring(stream + "StreamThread-".length()).split("[^0-9]")[0];
        }
        if (name.contains("producer-network-thread")) {
            return "producer-io";
        }
        if (name.contains("kafka") || name.contains("raft") || name.contains("broker") || name.contains("data-plane")
                || name.contains("controller") || name.contains("Processor") || name.contains("ReplicaFetcher")) {
            return "broker";
        }
        if (name.startsWith(AnalyzerRun.POOL_THREAD)) {
            return "pool";
        }
        return name.startsWith("main") ? "main" : "other";
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(ms -> ms > 0).sum();
    }

    private static long jitMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private Map<Long, Long> cpuById() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long time = threads.getThreadCpuTime(id);
            if (time >= 0) {
                cpu.put(id, time);
            }
        }
        return cpu;
    }
}
