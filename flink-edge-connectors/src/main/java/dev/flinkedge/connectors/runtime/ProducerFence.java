package dev.flinkedge.connectors.runtime;

import dev.flinkedge.registry.model.ProductionLease;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamStatus;

import org.apache.flink.annotation.Internal;

import java.util.Optional;

/**
 * Whether a job's tap must hold its records back because another job produces the stream: closes
 * when the registry shows the stream ACTIVE under another job's live production lease (the job's
 * own lease lapsed and a host job took over), and opens again only when the lease names this job
 * once more. One producer per stream: a job never resumes writing just because the other job's
 * lease lapsed in turn, since it no longer holds the stream.
 */
@Internal
public final class ProducerFence {

    private final String jobId;
    private volatile boolean closed;

    /** A fence for the tap of job {@code jobId}, open until the registry shows otherwise. */
    public ProducerFence(String jobId) {
        if (jobId == null || jobId.isBlank()) {
            throw new IllegalArgumentException("A producer fence needs the tap's job id");
        }
        this.jobId = jobId;
    }

    /** Takes the registry's view of the stream at {@code nowMs}. Watcher thread. */
    public void update(Optional<StreamDescriptor> stream, long nowMs) {
        ProductionLease lease = stream.map(StreamDescriptor::lease).orElse(null);
        if (lease == null) {
            return;
        }
        if (lease.isHeldBy(jobId)) {
            closed = false;
        } else if (stream.get().status() == StreamStatus.ACTIVE && lease.isLiveAt(nowMs)) {
            closed = true;
        }
    }

    /** Whether another job holds the stream, so this job's records must not be written. */
    public boolean isClosed() {
        return closed;
    }
}
