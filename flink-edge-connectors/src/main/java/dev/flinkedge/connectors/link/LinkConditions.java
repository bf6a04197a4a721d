package dev.flinkedge.connectors.link;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;

/**
 * What an emulated link offers right now.
 *
 * @param bandwidthMbps capacity in megabits per second, {@code > 0}
 * @param latencyMs one-way propagation delay in milliseconds, {@code >= 0}
 */
@PublicEvolving
public record LinkConditions(double bandwidthMbps, double latencyMs) implements Serializable {

    /** Checks the fields. */
    public LinkConditions {
        if (!(bandwidthMbps > 0) || Double.isInfinite(bandwidthMbps)) {
            throw new IllegalArgumentException(
                    "Link bandwidth " + bandwidthMbps + " Mbit/s must be a finite number > 0");
        }
        if (!(latencyMs >= 0) || Double.isInfinite(latencyMs)) {
            throw new IllegalArgumentException(
                    "Link latency " + latencyMs + " ms must be a finite number >= 0");
        }
    }

    /** Bytes the link carries per nanosecond. */
    double bytesPerNano() {
        return bandwidthMbps * 1e6 / 8 / 1e9;
    }

    /** The latency in nanoseconds. */
    long latencyNanos() {
        return Math.round(latencyMs * 1e6);
    }
}
