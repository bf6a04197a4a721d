package dev.flinkedge.scheduler.supervision;

import dev.flinkedge.connectors.runtime.JobStatusLookup;
import dev.flinkedge.connectors.runtime.StreamSupervisor;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.scheduler.cluster.ClusterRestClient;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Starts host jobs through Flink's REST API: uploads the job jar once, runs its {@value
 * SupervisorOptions#HOST_JOB_CLASS} main with the stream and the job id the supervisor claimed,
 * uploads again when the JobManager has forgotten the jar (it restarted), and cancels host jobs.
 * Thread-safe: the per-owner supervisors share one launcher.
 */
final class RestHostJobLauncher implements StreamSupervisor.HostJobLauncher, JobStatusLookup {

    private static final Logger LOG = LoggerFactory.getLogger(RestHostJobLauncher.class);

    private final ClusterRestClient flink;
    private final Path jobJar;
    private final HostJobArguments arguments;
    private String jarId;

    RestHostJobLauncher(ClusterRestClient flink, Path jobJar, HostJobArguments arguments) {
        this.flink = flink;
        this.jobJar = jobJar;
        this.arguments = arguments;
    }

    @Override
    public void launch(StreamDescriptor orphan, JobID jobId) throws Exception {
        List<String> args = arguments.of(orphan.ref());
        String id = jarId(null);
        try {
            flink.runJar(id, SupervisorOptions.HOST_JOB_CLASS, args, jobId.toHexString());
        } catch (ClusterRestClient.UnknownJarException e) {
            LOG.info("The JobManager forgot jar {}; uploading {} again", id, jobJar);
            flink.runJar(jarId(id), SupervisorOptions.HOST_JOB_CLASS, args, jobId.toHexString());
        }
        LOG.info("Host job {} of {} submitted", jobId, orphan.ref());
    }

    @Override
    public void cancel(JobID jobId) throws Exception {
        flink.cancel(jobId.toHexString());
    }

    @Override
    public Optional<JobStatus> status(String jobId) {
        try {
            return flink.jobStatus(jobId).map(JobStatus::valueOf);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not ask the JobManager for job " + jobId + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted asking for job " + jobId, e);
        }
    }

    /**
     * The id of the uploaded job jar, uploading it first if there is none or it is {@code
     * forgotten}; launches refused together by a restarted JobManager so upload it once.
     */
    private synchronized String jarId(String forgotten) throws IOException, InterruptedException {
        if (jarId == null || jarId.equals(forgotten)) {
            jarId = flink.uploadJar(jobJar);
            LOG.info("Uploaded {} to the JobManager as {}", jobJar, jarId);
        }
        return jarId;
    }
}
