package io.bellwether.bench;

import java.io.PrintWriter;
import java.util.Locale;

/** Progress lines for long phases: about ten per phase, with the elapsed time. */
final class Progress {
    private Progress() {
    }

    static void tick(PrintWriter out, String phase, int done, int total, long startedNanos) {
        int step = Math.max(1, total / 10);
        if (done % step == 0 || done == total) {
            out.printf(Locale.ROOT, "  %s: %d/%d articles, %.0f s%n", phase, done, total,
                    (System.nanoTime() - startedNanos) / 1e9);
            out.flush();
        }
    }
}
