package dev.flinkedge.jobs;

import static org.apache.flink.configuration.ConfigOptions.key;

import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.api.OperatorCatalog;
import dev.flinkedge.connectors.runtime.HostJobs;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The host job of an orphaned stream: recomputes a registered derived stream from its lineage
 * recipe with the operators of the catalogue on the class path ({@link
 * OperatorCatalog#fromServiceLoader}), under the stream's own name and topic, as {@code
 * host:<owner>/<name>}. The stream supervisor submits it with the job id it claimed the stream for;
 * subscribers keep reading the same topic.
 *
 * <pre>{@code
 * flink run -c dev.flinkedge.jobs.HostJob flink-edge-jobs-<version>-job.jar \
 *     --stream city-a/VehicleStream --registry.token-file /etc/flink-edge/job-tokens/city-a \
 *     --cameras.catalog cameras.yaml
 * }</pre>
 */
public final class HostJob {

    private static final Logger LOG = LoggerFactory.getLogger(HostJob.class);

    /** The stream to produce; {@code --owner} defaults to its owner. */
    public static final ConfigOption<String> STREAM =
            key("stream")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The derived stream to recompute, as OWNER/NAME; the job acts as its"
                                    + " owner. Required.");

    private HostJob() {}

    /** Submits the host job; arguments are {@link #STREAM} and {@link TrafficJobOptions}. */
    public static void main(String[] args) throws Exception {
        Configuration conf = JobArguments.parse(args, options());
        StreamRef stream = StreamRef.parse(JobArguments.require(conf, STREAM));
        String owner = conf.getOptional(TrafficJobOptions.OWNER).orElse(stream.owner());
        if (!owner.equals(stream.owner())) {
            throw new IllegalArgumentException(
                    "--owner "
                            + owner
                            + " cannot host "
                            + stream
                            + ": only its owner "
                            + stream.owner()
                            + " may produce it; drop --owner or pass --owner "
                            + stream.owner());
        }
        conf.set(TrafficJobOptions.OWNER, owner);
        EdgeStreams plan =
                EdgeJobLauncher.planWithoutCameraStream(
                        conf, StreamExecutionEnvironment.getExecutionEnvironment());
        StreamDescriptor descriptor = plan.registry().describe(stream);
        JobClient client = HostJobs.submit(plan, descriptor, OperatorCatalog.fromServiceLoader());
        LOG.info("Host job of {} runs as {}", stream, client.getJobID());
    }

    /** The options the host job takes. */
    static List<ConfigOption<?>> options() {
        List<ConfigOption<?>> options = new ArrayList<>(TrafficJobOptions.all());
        options.add(STREAM);
        return options;
    }
}
