package dev.flinkedge.scheduler.control;

import dev.flinkedge.connectors.metrics.CameraMetricsWindow;

import org.apache.flink.configuration.Configuration;

import java.util.Map;

/** The plants and settings the policy tests share. */
final class Plants {

    static final VideoConfig BEST = new VideoConfig(1280, 720, 10);

    private Plants() {}

    /** A cloud (8 cores) over one edge site (2 cores), 100 Mbit/s and 5 ms apart. */
    static SimulatedPlant edgeAndCloud() {
        return new SimulatedPlant()
                .site("cloud", null, 8)
                .site("edge-1", "cloud", 2)
                .link("edge-1", "cloud", 100, 5);
    }

    /** Control options for {@code policy} with the tests' SLO, period and best configuration. */
    static Configuration conf(String policy) {
        Configuration conf = new Configuration();
        conf.set(ControlOptions.POLICY, policy);
        conf.set(ControlOptions.SLO, java.time.Duration.ofMillis(ClosedLoop.SLO_MS));
        conf.set(ControlOptions.PERIOD, java.time.Duration.ofMillis(ClosedLoop.PERIOD_MS));
        conf.set(ControlOptions.MAX_WIDTH, BEST.width());
        conf.set(ControlOptions.MAX_HEIGHT, BEST.height());
        conf.set(ControlOptions.MAX_FPS, BEST.fps());
        return conf;
    }

    /**
     * A window of 20 frames (10 fps over 2 s) whose p50 and mean are half its p95, all processed at
     * {@code processing}.
     */
    static CameraMetricsWindow window(
            String camera, String source, String processing, long endMs, double p95) {
        return new CameraMetricsWindow(
                camera,
                endMs,
                2000,
                20,
                10,
                p95 / 2,
                p95,
                p95 / 2,
                0L,
                source,
                Map.of(processing, new CameraMetricsWindow.SiteShare(20, p95 / 2)),
                Map.of());
    }
}
