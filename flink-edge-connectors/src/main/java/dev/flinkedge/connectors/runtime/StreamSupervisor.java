package dev.flinkedge.connectors.runtime;

import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps an owner's subscribed streams produced. Periodically it looks at the owner's ACTIVE derived
 * streams that have live subscriptions; when a stream's producer job is no longer running, it marks
 * the stream ORPHANED and launches a host job that recomputes it from its lineage, so subscribers
 * continue from the topic instead of starving. A host job whose last subscriber left is cancelled.
 */
@Internal
public final class StreamSupervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSupervisor.class);

    /** Starts the job that recomputes a stream; the job marks the stream ACTIVE when submitted. */
    @FunctionalInterface
    public interface HostJobLauncher {
        JobClient launch(StreamDescriptor orphan) throws Exception;
    }

    private final StreamRegistry registry;
    private final String owner;
    private final JobStatusLookup jobs;
    private final HostJobLauncher launcher;
    private final Map<StreamRef, JobClient> hosted = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final Duration period;

    public StreamSupervisor(
            StreamRegistry registry,
            String owner,
            JobStatusLookup jobs,
            HostJobLauncher launcher,
            Duration period) {
        this.registry = registry;
        this.owner = owner;
        this.jobs = jobs;
        this.launcher = launcher;
        this.period = period;
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "stream-supervisor-" + owner);
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Checks every period until closed. */
    public StreamSupervisor start() {
        timer.scheduleWithFixedDelay(
                this::checkQuietly, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Supervising the streams of '{}' every {}", owner, period);
        return this;
    }

    /** The host jobs running now, by stream. */
    public Map<StreamRef, JobClient> hostJobs() {
        return Map.copyOf(hosted);
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.warn("Supervision round for '{}' failed, retrying: {}", owner, e.toString());
        }
    }

    /** One supervision round. */
    void check() {
        for (StreamDescriptor d : registry.list(owner, StreamType.DERIVED)) {
            boolean subscribed = !d.subscriptions().isEmpty();
            JobClient host = hosted.get(d.ref());
            if (host != null && !subscribed) {
                stopHost(d, host);
            } else if (host == null && subscribed && needsHost(d)) {
                adopt(d);
            }
        }
    }

    private boolean needsHost(StreamDescriptor d) {
        if (d.status() == StreamStatus.ORPHANED) {
            return true;
        }
        if (d.status() != StreamStatus.ACTIVE || d.producer() == null) {
            return false;
        }
        Optional<JobStatus> status = jobs.status(d.producer().jobId());
        return status.map(JobStatus::isGloballyTerminalState).orElse(true);
    }

    private void adopt(StreamDescriptor d) {
        LOG.warn(
                "Producer {} of {} stopped while {} subscription(s) are live; marking it ORPHANED"
                        + " and starting a host job",
                d.producer() == null ? "?" : d.producer().jobId(),
                d.ref(),
                d.subscriptions().size());
        StreamDescriptor orphan = registry.setStatus(d.ref(), StreamStatus.ORPHANED, d.producer());
        try {
            JobClient job = launcher.launch(orphan);
            hosted.put(d.ref(), job);
            LOG.info("Host job {} now produces {}", job.getJobID(), d.ref());
        } catch (Exception e) {
            LOG.error(
                    "Could not start a host job for {}; it stays ORPHANED and is retried",
                    d.ref(),
                    e);
        }
    }

    private void stopHost(StreamDescriptor d, JobClient host) {
        LOG.info("Last subscriber of {} left; cancelling host job {}", d.ref(), host.getJobID());
        host.cancel();
        registry.setStatus(d.ref(), StreamStatus.DECLARED, null);
        hosted.remove(d.ref());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
