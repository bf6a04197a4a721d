package dev.flinkedge.jobs;

import dev.flinkedge.connectors.api.EdgeStreams;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

import java.util.List;

/**
 * Task x alone: finds the vehicles in every frame of the camera stream and writes them, per frame
 * and keyed by camera, to {@link TrafficJobOptions#RESULTS_VEHICLES}. Its vehicle stream is tapped,
 * so later jobs reuse it.
 *
 * <pre>{@code
 * flink run -c dev.flinkedge.jobs.VehicleDetectionJob flink-edge-jobs-<version>-job.jar \
 *     --owner city-a --cameras.catalog cameras.yaml
 * }</pre>
 */
public final class VehicleDetectionJob implements TrafficJob {

    /** Runs the job; arguments are {@link TrafficJobOptions} as {@code --key value}. */
    public static void main(String[] args) throws Exception {
        EdgeJobLauncher.main(new VehicleDetectionJob(), args);
    }

    @Override
    public String name() {
        return "vehicle-detection";
    }

    @Override
    public String description() {
        return "Task x alone: the vehicles in every camera frame (YOLOv8) to the vehicles topic.";
    }

    @Override
    public List<ConfigOption<String>> resultTopics() {
        return List.of(TrafficJobOptions.RESULTS_VEHICLES);
    }

    @Override
    public void define(EdgeStreams streams, Configuration config) {
        TrafficStreams.toResults(
                TrafficStreams.vehicles(streams, config),
                config,
                TrafficJobOptions.RESULTS_VEHICLES);
    }
}
