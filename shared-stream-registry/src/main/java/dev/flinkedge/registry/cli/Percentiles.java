package dev.flinkedge.registry.cli;

/** Nearest-rank percentiles of latency samples. */
final class Percentiles {

    private Percentiles() {}

    /**
     * The nearest-rank {@code quantile} of {@code sortedNanos}, in milliseconds.
     *
     * @param sortedNanos samples in nanoseconds, sorted ascending, at least one
     * @param quantile in (0, 1], e.g. 0.99
     */
    static double millis(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (!(quantile > 0 && quantile <= 1)) {
            throw new IllegalArgumentException("quantile " + quantile + " is outside (0, 1]");
        }
        int rank = (int) Math.ceil(quantile * sortedNanos.length);
        return sortedNanos[Math.max(rank, 1) - 1] / 1_000_000.0;
    }
}
