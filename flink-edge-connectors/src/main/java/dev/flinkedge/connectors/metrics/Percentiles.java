package dev.flinkedge.connectors.metrics;

import org.apache.flink.annotation.Internal;

/**
 * Nearest-rank percentiles of latency samples: the latency percentiles of the pipeline metrics, and
 * those of the benchmarks, which report theirs the same way.
 */
@Internal
public final class Percentiles {

    private Percentiles() {}

    /**
     * The nearest-rank {@code quantile} of {@code sortedNanos}, in milliseconds.
     *
     * @param sortedNanos samples in nanoseconds, sorted ascending, at least one
     * @param quantile in (0, 1], e.g. 0.99
     */
    public static double millis(long[] sortedNanos, double quantile) {
        return nearestRank(sortedNanos, quantile) / 1_000_000.0;
    }

    /**
     * The nearest-rank {@code quantile} of {@code sorted}.
     *
     * @param sorted samples sorted ascending, at least one
     * @param quantile in (0, 1], e.g. 0.95
     */
    public static long nearestRank(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (!(quantile > 0 && quantile <= 1)) {
            throw new IllegalArgumentException("quantile " + quantile + " is outside (0, 1]");
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
