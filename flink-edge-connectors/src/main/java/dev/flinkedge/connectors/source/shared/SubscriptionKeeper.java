package dev.flinkedge.connectors.source.shared;

import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.errors.AccessDeniedException;
import dev.flinkedge.registry.errors.NotFoundException;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.Subscription;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one job's lease on a shared stream: subscribes, renews, re-subscribes if the lease was lost
 * while access remains, and reports revocation. Runs on the enumerator's worker thread.
 */
final class SubscriptionKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionKeeper.class);

    /** What a renewal found. */
    enum Outcome {
        LIVE,
        REVOKED
    }

    private final StreamRegistry registry;
    private final StreamRef stream;
    private final String jobId;
    private final int leaseSeconds;
    private Subscription subscription;

    SubscriptionKeeper(StreamRegistry registry, StreamRef stream, String jobId, int leaseSeconds) {
        this.registry = registry;
        this.stream = stream;
        this.jobId = jobId;
        this.leaseSeconds = leaseSeconds;
    }

    /** Takes or renews the lease. */
    synchronized Outcome keep() {
        try {
            if (subscription == null) {
                subscription = registry.subscribe(stream, jobId, leaseSeconds);
                LOG.info(
                        "Job {} subscribed to shared stream {} (lease {} s, id {})",
                        jobId,
                        stream,
                        leaseSeconds,
                        subscription.id());
            } else {
                subscription = registry.renew(stream, subscription.id());
            }
            return Outcome.LIVE;
        } catch (AccessDeniedException e) {
            return Outcome.REVOKED;
        } catch (NotFoundException e) {
            // The lease ended (revocation ends leases too): re-subscribe if still readable.
            subscription = null;
            try {
                registry.describe(stream);
            } catch (AccessDeniedException denied) {
                return Outcome.REVOKED;
            }
            return keep();
        }
    }

    /** Ends the lease, if any; errors are logged, the lease then simply expires. */
    synchronized void release() {
        if (subscription == null) {
            return;
        }
        try {
            registry.unsubscribe(stream, subscription.id());
            LOG.info("Job {} unsubscribed from shared stream {}", jobId, stream);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Could not unsubscribe job {} from {} ({}); the lease expires by itself",
                    jobId,
                    stream,
                    e.getMessage());
        }
        subscription = null;
    }
}
