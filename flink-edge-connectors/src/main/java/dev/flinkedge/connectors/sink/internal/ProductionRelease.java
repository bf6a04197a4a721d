package dev.flinkedge.connectors.sink.internal;

import dev.flinkedge.connectors.api.SharedChannel;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.model.StreamRef;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.jobmanager.scheduler.NoResourceAvailableException;
import org.apache.flink.runtime.operators.coordination.OperatorCoordinator;
import org.apache.flink.runtime.operators.coordination.OperatorEvent;
import org.apache.flink.util.ExceptionUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Releases the job's production lease on one stream when the job ends, so that the stream turns
 * ORPHANED at once instead of when the lease lapses. It is the coordinator of the tap's {@link
 * ProductionHeartbeat}: coordinators live in the JobManager, in the job's class loader, for
 * detached jobs too, and are closed when the job ends (finished, failed or cancelled) but not when
 * tasks restart. The release runs on a thread of its own, and {@link #close} waits for it at most
 * {@link #REQUEST_TIMEOUT}: the job's class loader is released once close returns, and a release
 * still running then would load the registry client's classes (Jackson) half from the job jar and
 * half from the cluster's classpath and fail with a linkage error. If it fails or times out the
 * lease lapses by itself. A JobManager that closes it while handing the job over to another (high
 * availability) does no harm: the job's next renewal makes the stream ACTIVE again.
 *
 * <p>It also releases the lease while the job runs, when the tap's task fails for want of a slot
 * ({@link NoResourceAvailableException}: the TaskManager at the stream's site is gone and no spare
 * has room). The job cannot write the stream until a TaskManager comes back, so the stream turns
 * ORPHANED at once and the supervisor can re-host it, instead of waiting a whole lease. If the job
 * runs again later its next renewal takes the stream back, unless a host job holds it by then.
 */
@Internal
final class ProductionRelease implements OperatorCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(ProductionRelease.class);

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final JobID jobId;
    private final StreamRef stream;
    private final SharedChannel channel;

    /** Whether the lease was released since the tap last ran; JobManager main thread only. */
    private boolean releasedUnschedulable;

    ProductionRelease(JobID jobId, StreamRef stream, SharedChannel channel) {
        this.jobId = jobId;
        this.stream = stream;
        this.channel = channel;
    }

    @Override
    public void start() {}

    /** JobManager main thread: releases on a thread of its own, waiting a bounded time. */
    @Override
    public void close() throws InterruptedException {
        Thread t = new Thread(() -> release("ended"), "flinkedge-release-" + stream);
        t.setDaemon(true);
        t.start();
        t.join(REQUEST_TIMEOUT.toMillis());
    }

    /** Releases the lease; {@code why} says, for the log, why the job gives the stream up. */
    private void release(String why) {
        RegistryClient registry = channel.newRegistryClient(REQUEST_TIMEOUT);
        try {
            registry.releaseProduction(stream, jobId.toString());
            LOG.info("Job {} {}: released its production lease on {}", jobId, why, stream);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Job {} could not release its production lease on {} ({}); the lease lapses"
                            + " by itself",
                    jobId,
                    stream,
                    e.getMessage());
        }
    }

    @Override
    public void handleEventFromOperator(int subtask, int attemptNumber, OperatorEvent event) {}

    @Override
    public void checkpointCoordinator(long checkpointId, CompletableFuture<byte[]> result) {
        result.complete(new byte[0]);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {}

    @Override
    public void resetToCheckpoint(long checkpointId, byte[] checkpointData) {}

    @Override
    public void subtaskReset(int subtask, long checkpointId) {}

    /**
     * JobManager main thread: a task of the tap failed. Once per spell without a slot, releases the
     * lease on a thread of its own (the job and its class loader live on meanwhile).
     */
    @Override
    public void executionAttemptFailed(int subtask, int attemptNumber, Throwable reason) {
        if (releasedUnschedulable || !isUnschedulable(reason)) {
            return;
        }
        releasedUnschedulable = true;
        LOG.warn(
                "Job {} has no slot for its tap of {} ({}): releasing its production lease, so"
                        + " that the stream can be re-hosted while the job waits",
                jobId,
                stream,
                reason.getMessage());
        Thread t =
                new Thread(
                        () -> release("has no slot for its tap"),
                        "flinkedge-release-unschedulable-" + stream);
        t.setDaemon(true);
        t.start();
    }

    /** Whether {@code reason} says the task found no slot, rather than failed while it ran. */
    static boolean isUnschedulable(Throwable reason) {
        return reason != null
                && ExceptionUtils.findThrowable(reason, NoResourceAvailableException.class)
                        .isPresent();
    }

    /** JobManager main thread: the tap runs again, and renews its lease itself. */
    @Override
    public void executionAttemptReady(int subtask, int attemptNumber, SubtaskGateway gateway) {
        releasedUnschedulable = false;
    }

    /** Creates the coordinator in the JobManager. */
    static final class Provider implements OperatorCoordinator.Provider {
        private static final long serialVersionUID = 1L;

        private final OperatorID operatorId;
        private final StreamRef stream;
        private final SharedChannel channel;

        Provider(OperatorID operatorId, StreamRef stream, SharedChannel channel) {
            this.operatorId = operatorId;
            this.stream = stream;
            this.channel = channel;
        }

        @Override
        public OperatorID getOperatorId() {
            return operatorId;
        }

        @Override
        public OperatorCoordinator create(Context context) {
            return new ProductionRelease(context.getJobID(), stream, channel);
        }
    }
}
