package io.bellwether.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * The JVM settings a benchmark figure depends on, for the first line of a run: the collectors and whether the heap
 * asks for transparent huge pages ({@code bin/bellwether} turns them on where the kernel offers them).
 */
final class JvmSettings {
    private JvmSettings() {
    }

    static String describe() {
        String collectors = String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
        return collectors + ", transparent huge pages " + hugePages();
    }

    private static String hugePages() {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return "true".equals(hotSpot.getVMOption("UseTransparentHugePages").getValue()) ? "on" : "off";
        } catch (RuntimeException e) {
            return "unknown";
        }
    }
}
