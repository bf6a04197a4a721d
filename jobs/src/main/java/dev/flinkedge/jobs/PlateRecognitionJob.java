package dev.flinkedge.jobs;

import dev.flinkedge.connectors.api.EdgeStreams;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

import java.util.List;

/**
 * Job x+a: vehicle detection (reused when a running job computes it) and plate recognition; one
 * result per plate read, keyed by plate, to {@link TrafficJobOptions#RESULTS_PLATES}.
 *
 * <pre>{@code
 * flink run -c dev.flinkedge.jobs.PlateRecognitionJob flink-edge-jobs-<version>-job.jar \
 *     --owner city-a --cameras.catalog cameras.yaml
 * }</pre>
 */
public final class PlateRecognitionJob implements TrafficJob {

    /** Runs the job; arguments are {@link TrafficJobOptions} as {@code --key value}. */
    public static void main(String[] args) throws Exception {
        EdgeJobLauncher.main(new PlateRecognitionJob(), args);
    }

    @Override
    public String name() {
        return "plate-recognition";
    }

    @Override
    public String description() {
        return "x+a: vehicles (reused if running) and their licence plates (PP-OCR v4) to the plates topic.";
    }

    @Override
    public List<ConfigOption<String>> resultTopics() {
        return List.of(TrafficJobOptions.RESULTS_PLATES);
    }

    @Override
    public void define(EdgeStreams streams, Configuration config) {
        TrafficStreams.toResults(
                TrafficStreams.plates(streams, config, TrafficStreams.vehicles(streams, config)),
                config,
                TrafficJobOptions.RESULTS_PLATES);
    }
}
