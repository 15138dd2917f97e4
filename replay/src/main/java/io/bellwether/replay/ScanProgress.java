package io.bellwether.replay;

import java.util.Locale;

/**
 * How far a scan of a topic's range has come: offsets scanned of the offsets to scan, and the records kept (those
 * whose timestamp is in the range).
 */
public record ScanProgress(long scanned, long total, long kept) {

    /** e.g. {@code "export: scanned 1200/5000 offsets (24%), kept 800"}. */
    public String line(String stage) {
        long percent = total == 0 ? 100 : Math.min(100, scanned * 100 / total);
        return String.format(Locale.ROOT, "%s: scanned %d/%d offsets (%d%%), kept %d", stage, scanned, total, percent,
                kept);
    }
}
