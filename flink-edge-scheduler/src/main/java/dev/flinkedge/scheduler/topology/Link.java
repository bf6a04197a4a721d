package dev.flinkedge.scheduler.topology;

import java.util.Objects;

/**
 * A network link between two sites, usable in both directions.
 *
 * @param from one end (a site id)
 * @param to the other end (a site id), not {@code from}
 * @param latencyMs one-way latency in milliseconds, at least 0
 * @param bandwidthMbps capacity in megabits per second, more than 0
 */
public record Link(String from, String to, double latencyMs, double bandwidthMbps) {

    /** Checks every field; messages name the link and the bad value. */
    public Link {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException(
                    "link "
                            + from
                            + " -> "
                            + to
                            + " joins a site to"
                            + " itself; a link needs two different sites");
        }
        if (!(latencyMs >= 0) || Double.isInfinite(latencyMs)) {
            throw new IllegalArgumentException(
                    "link "
                            + from
                            + " -> "
                            + to
                            + ": latencyMs is "
                            + latencyMs
                            + "; it must be a finite number, 0 or more");
        }
        if (!(bandwidthMbps > 0) || Double.isInfinite(bandwidthMbps)) {
            throw new IllegalArgumentException(
                    "link "
                            + from
                            + " -> "
                            + to
                            + ": bandwidthMbps"
                            + " is "
                            + bandwidthMbps
                            + "; it must be a finite number above 0");
        }
    }

    /** Whether this link joins sites {@code a} and {@code b}, in either direction. */
    public boolean joins(String a, String b) {
        return (from.equals(a) && to.equals(b)) || (from.equals(b) && to.equals(a));
    }
}
