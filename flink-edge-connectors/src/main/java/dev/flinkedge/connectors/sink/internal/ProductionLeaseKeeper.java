package dev.flinkedge.connectors.sink.internal;

import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.errors.ConflictException;
import dev.flinkedge.registry.model.ProductionLease;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamStatus;

import org.apache.flink.annotation.Internal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a producing job's production lease on one stream: renews it every third of its length,
 * retries with exponential backoff while the registry cannot be reached, and never fails the job —
 * a lease that cannot be renewed simply lapses and the registry marks the stream ORPHANED. Runs on
 * a daemon timer thread of its own.
 */
@Internal
public final class ProductionLeaseKeeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProductionLeaseKeeper.class);

    /** How often to ask until the submitter has marked the stream ACTIVE for this job. */
    static final Duration UNTIL_GRANTED = Duration.ofSeconds(1);

    /** First retry delay after a failed renewal; doubled on each further failure. */
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    /** Renewal period assumed before the first lease is seen (a third of the default 15 s). */
    static final Duration DEFAULT_PERIOD = Duration.ofSeconds(5);

    private final StreamRegistry registry;
    private final StreamRef stream;
    private final String jobId;
    private final ScheduledExecutorService timer;

    private ProductionLease lease;
    private int failures;
    private boolean warnedNotHolder;

    public ProductionLeaseKeeper(StreamRegistry registry, StreamRef stream, String jobId) {
        this.registry = registry;
        this.stream = stream;
        this.jobId = jobId;
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "flinkedge-production-lease-" + stream);
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Starts renewing, at once. */
    public void start() {
        schedule(Duration.ZERO);
    }

    private void schedule(Duration delay) {
        if (!timer.isShutdown()) {
            timer.schedule(() -> schedule(renewOnce()), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** One renewal attempt; returns the delay until the next. Timer thread (tests: any). */
    Duration renewOnce() {
        try {
            ProductionLease renewed = registry.renewProduction(stream, jobId);
            if (lease == null) {
                LOG.info(
                        "Job {} holds the production lease on {} ({} s, renewed every third)",
                        jobId,
                        stream,
                        renewed.leaseSeconds());
            }
            lease = renewed;
            failures = 0;
            warnedNotHolder = false;
            return period();
        } catch (ConflictException e) {
            // Not ours (yet): the submitter marks the stream ACTIVE for this job only after
            // submitting it; or another job produces it now, and this job must not take it back.
            failures = 0;
            if (lease != null || producedByAnother(e)) {
                if (!warnedNotHolder) {
                    LOG.warn(
                            "Job {} does not hold the lease on {} (its tap writes nothing while"
                                    + " another job holds it): {}",
                            jobId,
                            stream,
                            e.getMessage());
                    warnedNotHolder = true;
                }
                return period();
            }
            return UNTIL_GRANTED;
        } catch (RuntimeException e) {
            failures++;
            Duration backoff = backoff();
            LOG.warn(
                    "Job {} could not renew its production lease on {} (attempt {}: {}); retrying"
                            + " in {} ms",
                    jobId,
                    stream,
                    failures,
                    e.getMessage(),
                    backoff.toMillis());
            return backoff;
        }
    }

    private boolean producedByAnother(ConflictException e) {
        StreamDescriptor d = e.existing().orElse(null);
        return d != null
                && d.status() == StreamStatus.ACTIVE
                && d.lease() != null
                && !d.lease().isHeldBy(jobId);
    }

    private Duration period() {
        return lease == null ? DEFAULT_PERIOD : Duration.ofMillis(lease.leaseSeconds() * 1000L / 3);
    }

    /**
     * 0.5 s, 1 s, 2 s, … but never longer than the renewal period, so a short outage is bridged.
     */
    private Duration backoff() {
        long ms = FIRST_BACKOFF.toMillis() << Math.min(failures - 1, 20);
        return Duration.ofMillis(Math.min(ms, period().toMillis()));
    }

    /** Stops renewing; the lease lapses unless the job's end released it. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
