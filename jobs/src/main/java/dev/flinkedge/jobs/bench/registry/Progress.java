package dev.flinkedge.jobs.bench.registry;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts finished items of a benchmark phase from any thread; prints the count each time it passes
 * another tenth of the total, in increasing order.
 */
final class Progress {

    private final PrintWriter out;
    private final String label;
    private final int total;
    private final long startNanos = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private volatile int printedTenths;

    Progress(PrintWriter out, String label, int total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    /** Records one finished item. */
    void tick() {
        if (tenths(done.incrementAndGet()) > printedTenths) {
            report();
        }
    }

    private synchronized void report() {
        int n = done.get();
        int tenths = tenths(n);
        if (tenths <= printedTenths) {
            return;
        }
        printedTenths = tenths;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.printf(
                "  %s %d/%d (%d%%), %.0f/s%n",
                label, n, total, (long) n * 100 / total, n / Math.max(seconds, 1e-9));
        out.flush();
    }

    private int tenths(int n) {
        return (int) ((long) n * 10 / total);
    }
}
