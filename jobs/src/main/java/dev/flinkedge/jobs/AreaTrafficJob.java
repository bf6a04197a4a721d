package dev.flinkedge.jobs;

import dev.flinkedge.connectors.api.EdgeStream;
import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.jobs.traffic.AreaTraffic;
import dev.flinkedge.jobs.traffic.VehicleDetections;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

import java.util.List;

/**
 * Per-area traffic delivered to vehicles, the Edge-Stream paper's smart-traffic job: {@code
 * LeftUnion(areas, counts) | Sum} gives each area's traffic per window (to {@link
 * TrafficJobOptions#RESULTS_AREA_TRAFFIC}, keyed by area), then {@code LeftUnion(vehicles,
 * per-area) | Deliver} sends every vehicle (a plate, where a camera last read it) the traffic of
 * the areas nearby (to {@link TrafficJobOptions#RESULTS_DELIVERIES}, keyed by plate). Detection,
 * plates and counts are reused from running jobs when they compute them.
 *
 * <pre>{@code
 * flink run -c dev.flinkedge.jobs.AreaTrafficJob flink-edge-jobs-<version>-job.jar \
 *     --owner city-a --cameras.catalog cameras.yaml \
 *     --areas 'ring-road@48.137,11.575;bridge@48.139,11.580' --count.window 30s
 * }</pre>
 */
public final class AreaTrafficJob implements TrafficJob {

    /** Runs the job; arguments are {@link TrafficJobOptions} as {@code --key value}. */
    public static void main(String[] args) throws Exception {
        EdgeJobLauncher.main(new AreaTrafficJob(), args);
    }

    @Override
    public String name() {
        return "area-traffic";
    }

    @Override
    public String description() {
        return "Traffic per area per window (LeftUnion | Sum), delivered to the vehicles nearby"
                + " (LeftUnion | Deliver).";
    }

    @Override
    public List<ConfigOption<String>> resultTopics() {
        return List.of(
                TrafficJobOptions.RESULTS_AREA_TRAFFIC, TrafficJobOptions.RESULTS_DELIVERIES);
    }

    @Override
    public void define(EdgeStreams streams, Configuration config) {
        EdgeStream<EdgeRecord<VehicleDetections>> vehicles =
                TrafficStreams.vehicles(streams, config);
        EdgeStream<EdgeRecord<AreaTraffic>> perArea =
                TrafficStreams.areaTraffic(
                        streams, config, TrafficStreams.counts(streams, config, vehicles));
        TrafficStreams.toResults(perArea, config, TrafficJobOptions.RESULTS_AREA_TRAFFIC);
        TrafficStreams.toResults(
                TrafficStreams.deliveries(
                        streams, config, TrafficStreams.plates(streams, config, vehicles), perArea),
                config,
                TrafficJobOptions.RESULTS_DELIVERIES);
    }
}
