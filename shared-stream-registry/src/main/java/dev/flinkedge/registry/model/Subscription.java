package dev.flinkedge.registry.model;

import java.io.Serializable;

/**
 * A job's lease on a stream. While at least one lease is live, the stream's tap writes it to Kafka.
 * A subscriber that crashes stops renewing and its lease expires.
 *
 * @param id registry-assigned id
 * @param jobId the subscribing job
 * @param subscriber the principal that subscribed
 * @param leaseSeconds lease length; each renewal extends the lease by this much from now
 * @param expiresAtMs epoch millis at which the lease ends unless renewed
 */
public record Subscription(
        String id, String jobId, String subscriber, int leaseSeconds, long expiresAtMs)
        implements Serializable {

    /** Whether the lease is still live at {@code nowMs}. */
    public boolean isLiveAt(long nowMs) {
        return expiresAtMs > nowMs;
    }
}
