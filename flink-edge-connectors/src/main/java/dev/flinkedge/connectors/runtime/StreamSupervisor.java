package dev.flinkedge.connectors.runtime;

import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.errors.Errors;
import dev.flinkedge.registry.errors.RegistryException;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.JobID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Keeps an owner's subscribed streams produced. Every period it looks at the owner's derived
 * streams: an ORPHANED one with a live subscription gets a host job that recomputes it from its
 * lineage, and a host job whose stream has no live subscription any more is cancelled.
 *
 * <p>It keeps no state of its own: the registry and Flink have it all, so a restarted supervisor
 * resumes where the previous one stopped. A host job is only started after the supervisor has
 * claimed the stream for the job's id with {@code setStatus(ACTIVE, producer)}, which the registry
 * refuses ({@link Errors#NOT_LEASE_HOLDER}) while another job's production lease is live; so two
 * supervisors never both start a host job for one stream. The host job then marks the stream ACTIVE
 * under the same id and keeps the lease itself. Claims are made one after another in the round; the
 * launches that follow run in parallel, since a TaskManager's loss orphans many streams at once and
 * each launch blocks while the JobManager runs the host job's main.
 *
 * <pre>{@code
 * StreamSupervisor s = new StreamSupervisor(registry, "city-a", jobs, launcher,
 *         Duration.ofSeconds(2)).start();
 * }</pre>
 */
@Internal
public final class StreamSupervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSupervisor.class);

    /** How many host jobs one supervisor launches at once. */
    private static final int LAUNCH_THREADS = 4;

    /** How long {@link #close()} waits for interrupted launches to end. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    /** Starts and stops the jobs that recompute orphaned streams. */
    public interface HostJobLauncher {

        /**
         * Submits the host job of {@code orphan} under {@code jobId}, named {@link
         * Producer#hostJobName}; returns once it is submitted.
         */
        void launch(StreamDescriptor orphan, JobID jobId) throws Exception;

        /** Cancels a host job; returns once the cancellation is requested. */
        void cancel(JobID jobId) throws Exception;
    }

    private final StreamRegistry registry;
    private final String owner;
    private final JobStatusLookup jobs;
    private final HostJobLauncher launcher;
    private final Duration period;
    private final LongSupplier clock;
    private final ScheduledExecutorService timer;
    private final ExecutorService launches;
    private final HostRetries retries;

    /**
     * Streams whose launch has not ended: the rounds leave them alone, so a claim's lease lapsing
     * during a slow launch does not start a second host job.
     */
    private final Set<StreamRef> launching = ConcurrentHashMap.newKeySet();

    /**
     * @param registry the registry as {@code owner}
     * @param owner whose streams to supervise
     * @param jobs how Flink's jobs are doing
     * @param launcher starts and cancels host jobs
     * @param period time between two rounds
     */
    public StreamSupervisor(
            StreamRegistry registry,
            String owner,
            JobStatusLookup jobs,
            HostJobLauncher launcher,
            Duration period) {
        this(registry, owner, jobs, launcher, period, System::currentTimeMillis, launchPool(owner));
    }

    StreamSupervisor(
            StreamRegistry registry,
            String owner,
            JobStatusLookup jobs,
            HostJobLauncher launcher,
            Duration period,
            LongSupplier clock,
            ExecutorService launches) {
        this.registry = registry;
        this.owner = owner;
        this.jobs = jobs;
        this.launcher = launcher;
        this.period = period;
        this.clock = clock;
        this.launches = launches;
        this.retries = new HostRetries(period);
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "stream-supervisor-" + owner);
                            t.setDaemon(true);
                            return t;
                        });
    }

    private static ExecutorService launchPool(String owner) {
        AtomicInteger threads = new AtomicInteger();
        return Executors.newFixedThreadPool(
                LAUNCH_THREADS,
                r -> {
                    Thread t =
                            new Thread(
                                    r,
                                    "stream-supervisor-"
                                            + owner
                                            + "-launch-"
                                            + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Runs a round every period, on its own thread, until closed. */
    public StreamSupervisor start() {
        timer.scheduleWithFixedDelay(
                this::checkQuietly, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Supervising the streams of '{}' every {}", owner, period);
        return this;
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.warn("Supervision round for '{}' failed, retrying: {}", owner, e.toString());
        }
    }

    /** One supervision round over the owner's derived streams. */
    void check() {
        long now = clock.getAsLong();
        for (StreamDescriptor d : registry.list(owner, StreamType.DERIVED)) {
            if (launching.contains(d.ref())) {
                continue;
            }
            boolean subscribed = d.subscriptions().stream().anyMatch(s -> s.isLiveAt(now));
            boolean hosted = d.producer() != null && d.producer().isHostJob();
            if (d.status() == StreamStatus.ACTIVE && hosted && !subscribed) {
                stopHost(d);
            } else if (d.status() == StreamStatus.ORPHANED && subscribed) {
                if (!hosted) {
                    rehost(d);
                } else if (isAlive(d.producer().jobId())) {
                    resume(d);
                } else if (retries.mayRetry(d.ref(), d.producer().jobId(), now)) {
                    rehost(d);
                }
            } else if (d.status() == StreamStatus.ACTIVE) {
                retries.forgetIfSettled(d.ref(), hosted, now);
            }
        }
    }

    private boolean isAlive(String jobId) {
        return jobs.status(jobId).map(s -> !s.isGloballyTerminalState()).orElse(false);
    }

    /**
     * The stream's host job still runs but its lease lapsed (a slow start, or a registry outage):
     * claim the stream for that job again instead of starting a second one.
     */
    private void resume(StreamDescriptor d) {
        if (claim(d, d.producer())) {
            LOG.info(
                    "Host job {} of {} still runs; claimed the stream for it again",
                    d.producer().jobId(),
                    d.ref());
        }
    }

    private void rehost(StreamDescriptor d) {
        JobID jobId = new JobID();
        Producer host = new Producer(jobId.toHexString(), Producer.hostJobName(d.ref()), null);
        if (!claim(d, host)) {
            return;
        }
        LOG.warn(
                "{} is ORPHANED (last producer {}) while {} subscription(s) are live; starting"
                        + " host job {}",
                d.ref(),
                d.producer() == null ? "none" : d.producer().jobId(),
                d.subscriptions().size(),
                jobId);
        launching.add(d.ref());
        try {
            launches.execute(() -> launch(d, jobId));
        } catch (RejectedExecutionException e) {
            LOG.info("Supervisor of '{}' closed; releasing the claim of {}", owner, d.ref());
            launching.remove(d.ref());
            releaseQuietly(d, jobId);
        }
    }

    /** Runs on a launch thread; a launch that fails releases the claim so a later round retries. */
    private void launch(StreamDescriptor d, JobID jobId) {
        try {
            launcher.launch(d, jobId);
        } catch (Exception e) {
            LOG.error(
                    "Could not start host job {} for {}; releasing the claim so the next round"
                            + " retries",
                    jobId,
                    d.ref(),
                    e);
            releaseQuietly(d, jobId);
        } finally {
            launching.remove(d.ref());
        }
    }

    /**
     * Marks the stream ACTIVE with {@code producer}, which the registry refuses while another job's
     * production lease is live.
     *
     * @return whether the claim succeeded
     */
    private boolean claim(StreamDescriptor d, Producer producer) {
        try {
            registry.setStatus(d.ref(), StreamStatus.ACTIVE, producer);
            return true;
        } catch (RegistryException e) {
            if (e.errorCode() != Errors.NOT_LEASE_HOLDER) {
                throw e;
            }
            LOG.info("{} was claimed by another job first: {}", d.ref(), e.getMessage());
            return false;
        }
    }

    private void releaseQuietly(StreamDescriptor d, JobID jobId) {
        try {
            registry.releaseProduction(d.ref(), jobId.toHexString());
        } catch (RuntimeException e) {
            LOG.warn(
                    "Could not release the claim of {} on {}; it lapses with its lease: {}",
                    jobId,
                    d.ref(),
                    e.toString());
        }
    }

    private void stopHost(StreamDescriptor d) {
        String jobId = d.producer().jobId();
        LOG.info("{} has no live subscription left; cancelling its host job {}", d.ref(), jobId);
        try {
            launcher.cancel(JobID.fromHexString(jobId));
        } catch (Exception e) {
            LOG.warn("Could not cancel host job {} of {}, retrying: {}", jobId, d.ref(), e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        launches.shutdownNow();
        try {
            if (!launches.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn(
                        "Host job launches of '{}' did not stop within {}; their claims lapse"
                                + " with their leases",
                        owner,
                        CLOSE_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
