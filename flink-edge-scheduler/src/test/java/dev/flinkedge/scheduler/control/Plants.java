package dev.flinkedge.scheduler.control;

import org.apache.flink.configuration.Configuration;

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
}
