package dev.flinkedge.registry.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts finished items of a benchmark phase from any thread; prints a line every 10%. */
final class Progress {

    private final PrintWriter out;
    private final String label;
    private final int total;
    private final long startNanos = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();

    Progress(PrintWriter out, String label, int total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    /** Records one finished item. */
    void tick() {
        int n = done.incrementAndGet();
        if ((long) n * 10 / total != (long) (n - 1) * 10 / total) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            out.printf("  %s %d/%d (%d%%), %.0f/s%n", label, n, total, (long) n * 100 / total,
                    n / Math.max(seconds, 1e-9));
            out.flush();
        }
    }
}
