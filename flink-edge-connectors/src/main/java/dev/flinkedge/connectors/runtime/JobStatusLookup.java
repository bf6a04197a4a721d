package dev.flinkedge.connectors.runtime;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.program.ClusterClient;

import java.util.Optional;

/** Asks the Flink cluster how a job is doing; the supervisor uses it to notice dead producers. */
@FunctionalInterface
@Internal
public interface JobStatusLookup {

    /** The job's status, or empty if the cluster does not know the job (any more). */
    Optional<JobStatus> status(String jobId);

    /** Looks jobs up through a {@link ClusterClient} (REST client or MiniCluster client). */
    static JobStatusLookup of(ClusterClient<?> client) {
        return jobId -> {
            try {
                return Optional.of(client.getJobStatus(JobID.fromHexString(jobId)).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (Exception e) {
                return Optional.empty();
            }
        };
    }
}
