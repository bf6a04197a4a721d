package dev.flinkedge.jobs;

import dev.flinkedge.connectors.api.EdgeStreams;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

import java.util.List;

/**
 * Job x+b: vehicle detection (reused when a running job computes it) and vehicle attributes (type
 * and dominant colour); one result per vehicle, keyed by camera, to {@link
 * TrafficJobOptions#RESULTS_ATTRIBUTES}.
 *
 * <pre>{@code
 * flink run -c dev.flinkedge.jobs.AttributeRecognitionJob flink-edge-jobs-<version>-job.jar \
 *     --owner city-a --cameras.catalog cameras.yaml
 * }</pre>
 */
public final class AttributeRecognitionJob implements TrafficJob {

    /** Runs the job; arguments are {@link TrafficJobOptions} as {@code --key value}. */
    public static void main(String[] args) throws Exception {
        EdgeJobLauncher.main(new AttributeRecognitionJob(), args);
    }

    @Override
    public String name() {
        return "attribute-recognition";
    }

    @Override
    public String description() {
        return "x+b: vehicles (reused if running) and their type and colour to the attributes topic.";
    }

    @Override
    public List<ConfigOption<String>> resultTopics() {
        return List.of(TrafficJobOptions.RESULTS_ATTRIBUTES);
    }

    @Override
    public void define(EdgeStreams streams, Configuration config) {
        TrafficStreams.toResults(
                TrafficStreams.attributes(
                        streams, config, TrafficStreams.vehicles(streams, config)),
                config,
                TrafficJobOptions.RESULTS_ATTRIBUTES);
    }
}
