package dev.flinkedge.registry.model;

import java.io.Serializable;

/**
 * A producing job's lease on the stream it writes. The registry grants it when the stream becomes
 * ACTIVE, the job renews it while it runs and releases it when it ends; a lapsed or released lease
 * turns the stream ORPHANED, so a stream nobody writes is never reused. Only the holder may renew
 * it: one producer per stream.
 *
 * @param jobId the producing job (the holder)
 * @param site the edge site its writing operator runs at, or {@code null} when unknown
 * @param leaseSeconds lease length; each renewal extends the lease by this much from now
 * @param expiresAtMs epoch millis at which the lease ends unless renewed
 */
public record ProductionLease(String jobId, String site, int leaseSeconds, long expiresAtMs)
        implements Serializable {

    public ProductionLease {
        if (jobId == null || jobId.isBlank() || jobId.length() > 128) {
            throw new InvalidFieldException("lease.jobId", "is required (at most 128 chars)");
        }
        if (leaseSeconds <= 0) {
            throw new InvalidFieldException("lease.leaseSeconds", "must be positive");
        }
    }

    /** Whether the lease is still live at {@code nowMs}. */
    public boolean isLiveAt(long nowMs) {
        return expiresAtMs > nowMs;
    }

    /** Whether {@code jobId} holds this lease. */
    public boolean isHeldBy(String jobId) {
        return this.jobId.equals(jobId);
    }
}
