package dev.flinkedge.connectors.runtime;

import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.api.OperatorCatalog;
import dev.flinkedge.connectors.api.RawSourceFactory;
import dev.flinkedge.connectors.api.SharedChannel;
import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.model.Guarantee;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.StreamDescriptor;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.JobID;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptionsInternal;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;
import java.util.function.Function;

/** Builds the generic host job that recomputes an orphaned stream from its lineage recipe. */
@Internal
public final class HostJobs {

    /** How often a host job of a stream that is not LIVE checkpoints, unless told otherwise. */
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);

    private HostJobs() {}

    /**
     * Recomputes {@code stream} on {@code plan} with {@link EdgeStreams#recompute} and submits the
     * job as {@link Producer#hostJobName}; the packaged host job's main and in-process launchers
     * share it.
     */
    public static JobClient submit(
            EdgeStreams plan, StreamDescriptor stream, OperatorCatalog catalog) throws Exception {
        checkpointFor(plan.env(), stream);
        plan.recompute(stream, catalog);
        return plan.execute(Producer.hostJobName(stream.ref()));
    }

    /**
     * Checkpoints every {@link #CHECKPOINT_INTERVAL} when {@code stream} is not LIVE and {@code
     * env} sets no interval: the tap of an EXACTLY_ONCE stream commits, and that of an
     * AT_LEAST_ONCE stream flushes, only on checkpoints, so without them a re-hosted stream's
     * subscribers would read nothing (EXACTLY_ONCE) or lose what a failure drops (AT_LEAST_ONCE).
     */
    static void checkpointFor(StreamExecutionEnvironment env, StreamDescriptor stream) {
        if (stream.guarantee() != Guarantee.LIVE
                && !env.getCheckpointConfig().isCheckpointingEnabled()) {
            env.enableCheckpointing(CHECKPOINT_INTERVAL.toMillis());
        }
    }

    /**
     * A launcher for {@link StreamSupervisor} that submits from this JVM: each launch builds a
     * fresh job on an environment that {@code envs} makes from a configuration fixing the job id,
     * and cancels through {@code cluster}.
     */
    public static StreamSupervisor.HostJobLauncher launcher(
            Function<Configuration, StreamExecutionEnvironment> envs,
            ClusterClient<?> cluster,
            StreamRegistry registry,
            String owner,
            SharedChannel channel,
            RawSourceFactory rawSources,
            OperatorCatalog catalog) {
        return new StreamSupervisor.HostJobLauncher() {
            @Override
            public void launch(StreamDescriptor orphan, JobID jobId) throws Exception {
                Configuration conf = new Configuration();
                conf.set(PipelineOptionsInternal.PIPELINE_FIXED_JOB_ID, jobId.toHexString());
                EdgeStreams plan =
                        EdgeStreams.on(envs.apply(conf), registry, owner)
                                .withChannel(channel)
                                .withRawSources(rawSources);
                submit(plan, orphan, catalog);
            }

            @Override
            public void cancel(JobID jobId) throws Exception {
                cluster.cancel(jobId).get();
            }
        };
    }
}
