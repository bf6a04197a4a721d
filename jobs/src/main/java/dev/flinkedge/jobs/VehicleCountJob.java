package dev.flinkedge.jobs;

import dev.flinkedge.connectors.api.EdgeStreams;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

import java.util.List;

/**
 * Vehicle count ({@code FWindow | count}): vehicle sightings per camera per fixed window ({@link
 * TrafficJobOptions#COUNT_WINDOW}) over the vehicle stream (reused when running), keyed by camera,
 * to {@link TrafficJobOptions#RESULTS_COUNTS}.
 *
 * <pre>{@code
 * flink run -c dev.flinkedge.jobs.VehicleCountJob flink-edge-jobs-<version>-job.jar \
 *     --owner city-a --cameras.catalog cameras.yaml
 * }</pre>
 */
public final class VehicleCountJob implements TrafficJob {

    /** Runs the job; arguments are {@link TrafficJobOptions} as {@code --key value}. */
    public static void main(String[] args) throws Exception {
        EdgeJobLauncher.main(new VehicleCountJob(), args);
    }

    @Override
    public String name() {
        return "vehicle-count";
    }

    @Override
    public String description() {
        return "Vehicles per camera per fixed window to the vehicle-counts topic.";
    }

    @Override
    public List<ConfigOption<String>> resultTopics() {
        return List.of(TrafficJobOptions.RESULTS_COUNTS);
    }

    @Override
    public void define(EdgeStreams streams, Configuration config) {
        TrafficStreams.toResults(
                TrafficStreams.counts(streams, config, TrafficStreams.vehicles(streams, config)),
                config,
                TrafficJobOptions.RESULTS_COUNTS);
    }
}
