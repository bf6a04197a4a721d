package dev.flinkedge.connectors.source.shared;

import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.errors.AccessDeniedException;
import dev.flinkedge.registry.errors.ConflictException;
import dev.flinkedge.registry.errors.NotFoundException;
import dev.flinkedge.registry.errors.RegistryUnavailableException;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.Subscription;

import org.apache.flink.annotation.VisibleForTesting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Holds one job's lease on a shared stream: subscribes, renews every third of the lease,
 * re-subscribes if the lease was lost while access remains, and reports revocation. While the
 * registry is unavailable (down, restarting, or its Kafka unreachable) it keeps the subscription
 * and retries with backoff, always before the lease would end, logging one WARN per outage and one
 * INFO on recovery. Runs on the enumerator's worker thread.
 */
final class SubscriptionKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionKeeper.class);

    /** First retry delay after the registry was found unavailable; doubles per failure. */
    private static final long FIRST_RETRY_MS = 250;

    /** How often the enumerator asks {@link #keepIfDue()}; retries cannot be finer than this. */
    static final long TICK_MS = 250;

    /** What a renewal found. */
    enum Outcome {
        LIVE,
        REVOKED,
        /** The stream is RETIRED: it cannot be subscribed to and will not be produced again. */
        RETIRED,
        /** The stream is gone from the registry. */
        DELETED,
        /** The registry could not be asked; the subscription is kept and retried. */
        UNAVAILABLE
    }

    private final StreamRegistry registry;
    private final StreamRef stream;
    private final String jobId;
    private final int leaseSeconds;
    private final long renewIntervalMs;
    private final LongSupplier clock;
    private Subscription subscription;
    private Outcome last = Outcome.UNAVAILABLE;
    private long nextAttemptAtMs;
    private long outageSinceMs = -1;
    private int failures;

    SubscriptionKeeper(StreamRegistry registry, StreamRef stream, String jobId, int leaseSeconds) {
        this(registry, stream, jobId, leaseSeconds, System::currentTimeMillis);
    }

    @VisibleForTesting
    SubscriptionKeeper(
            StreamRegistry registry,
            StreamRef stream,
            String jobId,
            int leaseSeconds,
            LongSupplier clock) {
        this.registry = registry;
        this.stream = stream;
        this.jobId = jobId;
        this.leaseSeconds = leaseSeconds;
        this.renewIntervalMs = Math.max(500, leaseSeconds * 1000L / 3);
        this.clock = clock;
    }

    /** Renews (or retries) when its time has come; otherwise returns the last outcome. */
    synchronized Outcome keepIfDue() {
        return clock.getAsLong() < nextAttemptAtMs ? last : keep();
    }

    /** Takes or renews the lease now. */
    synchronized Outcome keep() {
        long now = clock.getAsLong();
        try {
            last = subscribeOrRenew();
            nextAttemptAtMs = now + renewIntervalMs;
            if (outageSinceMs >= 0) {
                LOG.info(
                        "Registry available again after {} ms: job {} holds its lease on shared"
                                + " stream {} (subscription {})",
                        now - outageSinceMs,
                        jobId,
                        stream,
                        subscription == null ? "-" : subscription.id());
                outageSinceMs = -1;
                failures = 0;
            }
        } catch (RegistryUnavailableException e) {
            last = Outcome.UNAVAILABLE;
            nextAttemptAtMs = now + retryDelayMs(now, e);
            if (outageSinceMs < 0) {
                outageSinceMs = now;
                LOG.warn(
                        "Registry unavailable while keeping job {}'s lease on shared stream {};"
                                + " the job keeps reading and retries until the lease ends at {}:"
                                + " {}",
                        jobId,
                        stream,
                        subscription == null
                                ? "(not subscribed yet)"
                                : Instant.ofEpochMilli(subscription.expiresAtMs()),
                        e.getMessage());
            }
        }
        return last;
    }

    /**
     * Backoff from {@link #FIRST_RETRY_MS}, at least the registry's {@code Retry-After}, at most
     * the renewal interval, and never so late that the lease could end before the retry.
     */
    private long retryDelayMs(long now, RegistryUnavailableException e) {
        failures++;
        long delay = FIRST_RETRY_MS << Math.min(failures - 1, 10);
        delay = Math.max(delay, e.retryAfterSeconds().orElse(0) * 1000L);
        delay = Math.min(delay, renewIntervalMs);
        if (subscription != null) {
            delay = Math.min(delay, Math.max(TICK_MS, (subscription.expiresAtMs() - now) / 2));
        }
        return delay;
    }

    private Outcome subscribeOrRenew() {
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
        } catch (ConflictException e) {
            if (e.existing().map(d -> d.status() == StreamStatus.RETIRED).orElse(false)) {
                return Outcome.RETIRED;
            }
            throw e;
        } catch (NotFoundException e) {
            // The lease ended (revocation ends leases too): re-subscribe if still readable.
            subscription = null;
            try {
                registry.describe(stream);
            } catch (AccessDeniedException denied) {
                return Outcome.REVOKED;
            } catch (NotFoundException gone) {
                return Outcome.DELETED;
            }
            return subscribeOrRenew();
        }
    }

    /** The id of the held subscription, or null when there is none. */
    @VisibleForTesting
    synchronized String subscriptionId() {
        return subscription == null ? null : subscription.id();
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
