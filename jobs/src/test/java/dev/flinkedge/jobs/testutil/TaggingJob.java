package dev.flinkedge.jobs.testutil;

import dev.flinkedge.connectors.api.EdgeStream;
import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.jobs.EdgeJobLauncher;
import dev.flinkedge.jobs.TrafficJob;
import dev.flinkedge.jobs.TrafficJobOptions;
import dev.flinkedge.jobs.TrafficStreams;
import dev.flinkedge.jobs.bench.workload.SyntheticCost;
import dev.flinkedge.jobs.bench.workload.SyntheticResult;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

import java.time.Duration;
import java.util.List;

/**
 * A deterministic stand-in traffic job for tests on the cluster: tags every frame of the camera
 * stream (the stand-in model {@code tag}, no cost) into the stream {@value #STREAM}, and writes the
 * tagged records to the topic of {@link TrafficJobOptions#RESULTS_PLATES}. Two owners running it on
 * one camera stream share {@value #STREAM}; {@link TagOperatorFactory} lets a host job recompute
 * it.
 */
public final class TaggingJob implements TrafficJob {

    /** The stream the job computes or reuses. */
    public static final String STREAM = "Tagged";

    /** The stand-in model's name in lineages and the operator catalogue. */
    public static final String OPERATOR = "tag";

    /** Runs the job; arguments are {@link TrafficJobOptions} as {@code --key value}. */
    public static void main(String[] args) throws Exception {
        EdgeJobLauncher.main(new TaggingJob(), args);
    }

    @Override
    public String name() {
        return "tagging";
    }

    @Override
    public String description() {
        return "Tags camera frames into " + STREAM + ", results to the plates topic.";
    }

    @Override
    public List<ConfigOption<String>> resultTopics() {
        return List.of(TrafficJobOptions.RESULTS_PLATES);
    }

    @Override
    public void define(EdgeStreams streams, Configuration config) {
        EdgeStream<EdgeRecord<SyntheticResult>> tagged =
                streams.derive(
                        STREAM,
                        new SyntheticCost(OPERATOR, Duration.ZERO),
                        TrafficStreams.video(streams, config));
        TrafficStreams.toResults(tagged, config, TrafficJobOptions.RESULTS_PLATES);
    }
}
