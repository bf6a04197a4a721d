package dev.flinkedge.scheduler.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.metrics.CameraMetricsWindow;
import dev.flinkedge.connectors.model.CameraPolicy;

import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * profile picks the most accurate configuration that fits the SLO and the link budget. The expected
 * choices are worked out by hand in the comments from the model in {@link ProfilePolicy}: compute
 * {@code S × (1 + ρ / 2(1 − ρ))} with ρ = cores used / cores per camera, plus on a link {@code T ×
 * (1 + u / 2(1 − u)) + latency} with T the transmission time and u the link share used, times the
 * calibration (1.5 before any measurement); feasible when ≤ 0.9 × SLO and the bitrate ≤ 0.8 × the
 * camera's share of the link.
 */
class ProfilePolicyTest {

    private static final Logger LOG = LoggerFactory.getLogger(ProfilePolicyTest.class);

    private static final VideoConfig A = new VideoConfig(1280, 720, 10);
    private static final VideoConfig D = new VideoConfig(1280, 720, 5);
    private static final VideoConfig B = new VideoConfig(960, 540, 10);
    private static final VideoConfig E = new VideoConfig(960, 540, 5);
    private static final VideoConfig C = new VideoConfig(640, 360, 10);

    /** Not profiled, so the calibration stays at its initial value. */
    private static final VideoConfig UNPROFILED = new VideoConfig(1280, 720, 9);

    private static final Profile PROFILE =
            new Profile(
                    "hand-made",
                    List.of(
                            new ProfileEntry(A, 0.95, 60, 92_160),
                            new ProfileEntry(D, 0.92, 60, 92_160),
                            new ProfileEntry(B, 0.90, 30, 51_840),
                            new ProfileEntry(E, 0.88, 30, 51_840),
                            new ProfileEntry(C, 0.85, 15, 23_040)));

    @Test
    void onACpuBoundSitePicksTheMostAccurateConfigurationThatFitsTheSlo() throws Exception {
        // edge-1 has 0.5 cores per camera (1 core, 2 cameras), processing locally:
        // A: ρ = 0.6/0.5 > 0.95, unstable. D: ρ = 0.6 → 60 × 1.75 = 105 → × 1.5 = 157.5 ms.
        SimulatedPlant plant =
                new SimulatedPlant().site("cloud", null, 8).site("edge-1", "cloud", 1);
        ProfilePolicy policy = policy(Duration.ZERO, () -> PROFILE);

        Map<String, VideoConfig> chosen =
                choose(policy, plant, 500, Map.of("cam-1", "edge-1", "cam-2", "edge-1"));

        assertThat(chosen).containsEntry("cam-1", D).containsEntry("cam-2", D);

        // SLO 150 ms → limit 135 ms: D (157.5) misses; B: ρ = 0.3/0.5 = 0.6 → 30 × 1.75 × 1.5
        // = 78.75 fits, and is the most accurate that does.
        ProfilePolicy tight = policy(Duration.ZERO, () -> PROFILE);
        assertThat(choose(tight, plant, 150, Map.of("cam-1", "edge-1", "cam-2", "edge-1")))
                .containsEntry("cam-1", B);
    }

    @Test
    void overALinkPicksWhatFitsTheLinkBudgetAndFollowsABandwidthDrop() throws Exception {
        SimulatedPlant plant =
                new SimulatedPlant()
                        .site("cloud", null, 8)
                        .site("edge-1", "cloud", 1)
                        .link("edge-1", "cloud", 10, 5);
        ProfilePolicy policy = policy(Duration.ZERO, () -> PROFILE);

        // 10 Mbit/s, budget 8: A ships 7.37 Mbit/s (u = 0.737): 73.7 ms × 2.40 + 5 = 182 ms on
        // the link, 60 × 1.04 = 62 ms in the 8-core cloud → 244 × 1.5 = 366 ≤ 450.
        assertThat(choose(policy, plant, 500, Map.of("cam-1", "cloud"))).containsEntry("cam-1", A);

        // 4 Mbit/s, budget 3.2: A (7.37), D (3.69) and B (4.15) exceed it; E ships 2.07 Mbit/s
        // (u = 0.52): 103.7 × 1.54 + 5 = 165 ms + 31 ms → 196 × 1.5 = 294 ≤ 450, and E is more
        // accurate than C.
        plant.setBandwidth("edge-1", "cloud", 4);
        assertThat(choose(policy, plant, 500, Map.of("cam-1", "cloud"))).containsEntry("cam-1", E);
    }

    @Test
    void aMeasuredP95AboveThePredictionMakesItChooseCheaper() throws Exception {
        SimulatedPlant plant =
                new SimulatedPlant().site("cloud", null, 8).site("edge-1", "cloud", 1);
        ProfilePolicy policy = policy(Duration.ZERO, () -> PROFILE);
        // At D with one camera on one core: ρ = 0.3 → 60 × 1.21 = 72.9 ms modelled; measured
        // 700 ms: calibration 0.5 × 1.5 + 0.5 × 9.6 = 5.55, so D predicts 405 ms and A (ρ = 0.6:
        // 105 ms) 583 ms; with SLO 300 only configurations under 270 ms fit: B (30 × 1.21 × 5.55
        // = 202 ms) is the most accurate.
        CameraPolicy current = D.applyTo(CameraPolicy.of("cam-1", 1, 1, 1));
        CameraMetricsWindow slow = Plants.window("cam-1", "edge-1", "edge-1", 2000, 700);
        ControlInput input =
                new ControlInput(
                        0,
                        Duration.ofSeconds(2),
                        Duration.ofMillis(300),
                        Map.of("cam-1", slow),
                        Map.of("cam-1", current),
                        Map.of(),
                        plant.bandwidths(),
                        plant.topology());

        PolicyDecision d = policy.decide(input).get(0);

        assertThat(VideoConfig.of(d.policy())).isEqualTo(B);
        assertThat(d.reason()).contains("calibration 5.55");
    }

    @Test
    void aCameraWithoutFramesInItsWindowStillCountsWhereItsPolicySendsItsFrames() throws Exception {
        // Three cameras at edge-1, all offloaded to a 1-core cloud over a 10 Mbit/s link: a third
        // of a core and 3.3 Mbit/s each, where E fits (see above) and nothing more accurate does.
        SimulatedPlant plant =
                new SimulatedPlant()
                        .site("cloud", null, 1)
                        .site("edge-1", "cloud", 8)
                        .link("edge-1", "cloud", 10, 5);
        ProfilePolicy policy = policy(Duration.ZERO, () -> PROFILE);
        Map<String, CameraPolicy> policies = new java.util.TreeMap<>();
        Map<String, CameraMetricsWindow> windows = new java.util.TreeMap<>();
        for (String camera : List.of("cam-1", "cam-2", "cam-3")) {
            policies.put(
                    camera,
                    UNPROFILED
                            .applyTo(CameraPolicy.of(camera, 1, 1, 1))
                            .withOffload(new CameraPolicy.Offload("cloud", 1.0)));
            windows.put(camera, Plants.window(camera, "edge-1", "cloud", 2000, 100));
        }
        Map<String, VideoConfig> allReported = decide(policy, plant, windows, policies);

        // cam-3 delivered no frame in its newest window (a low frame rate): no sites, no source.
        windows.put(
                "cam-3",
                new CameraMetricsWindow(
                        "cam-3", 4000, 2000, 0, 0, null, null, null, 0L, null, Map.of(), Map.of()));
        Map<String, VideoConfig> oneEmpty = decide(policy, plant, windows, policies);

        assertThat(allReported).containsEntry("cam-3", E);
        assertThat(oneEmpty).isEqualTo(allReported);
    }

    private static Map<String, VideoConfig> decide(
            ProfilePolicy policy,
            SimulatedPlant plant,
            Map<String, CameraMetricsWindow> windows,
            Map<String, CameraPolicy> policies) {
        ControlInput input =
                new ControlInput(
                        4000,
                        Duration.ofSeconds(2),
                        Duration.ofMillis(500),
                        windows,
                        policies,
                        Map.of(),
                        plant.bandwidths(),
                        plant.topology());
        Map<String, VideoConfig> chosen = new java.util.TreeMap<>();
        for (PolicyDecision d : policy.decide(input)) {
            chosen.put(d.cameraId(), VideoConfig.of(d.policy()));
        }
        return chosen;
    }

    @Test
    void reloadsTheProfileThroughItsSourceEveryInterval() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        Profile onlyC = new Profile("re-profiled", List.of(new ProfileEntry(C, 0.8, 15, 23_040)));
        ProfilePolicy policy =
                policy(
                        Duration.ofSeconds(10),
                        () -> loads.incrementAndGet() == 1 ? PROFILE : onlyC);
        SimulatedPlant plant =
                new SimulatedPlant().site("cloud", null, 8).site("edge-1", "cloud", 8);

        List<VideoConfig> chosen = new ArrayList<>();
        for (long t = 0; t <= 12_000; t += 2000) {
            chosen.add(choose(policy, plant, 500, Map.of("cam-1", "edge-1"), t).get("cam-1"));
        }

        assertThat(loads).hasValue(2);
        assertThat(chosen).containsExactly(A, A, A, A, A, C, C);
        assertThat(policy.profile()).isEqualTo(onlyC);
    }

    @Test
    void returnsUnderTheSloWithinThreePeriodsAfterABandwidthDrop() throws Exception {
        SimulatedPlant plant = Plants.edgeAndCloud();
        List<ProfileEntry> entries = new ArrayList<>();
        for (VideoConfig c : ConfigLadder.from(Plants.BEST).rungs()) {
            // Accuracy grows with resolution and frame rate, as detectors' F1 does.
            double accuracy = 0.6 + 0.25 * c.width() / 1280.0 + 0.1 * c.fps() / 10;
            entries.add(
                    new ProfileEntry(
                            c,
                            accuracy,
                            SimulatedPlant.processingMs(c),
                            SimulatedPlant.bytesPerFrame(c)));
        }
        Profile profile = new Profile("simulated plant", entries);
        ClosedLoop loop = new ClosedLoop(plant, policy(Duration.ZERO, () -> profile));
        loop.camera("cam-1", "edge-1", "cloud", Plants.BEST);
        loop.camera("cam-2", "edge-1", "cloud", Plants.BEST);
        loop.run(5);
        assertThat(loop.configs().values()).containsOnly(Plants.BEST);

        plant.setBandwidth("edge-1", "cloud", 10);
        int periods = loop.periodsUntilUnderSlo(10);

        assertThat(periods).isBetween(1, 3);
        LOG.info(
                "profile, bandwidth drop 100 → 10 Mbit/s: under the SLO after {} period(s); p95"
                        + " {}; configurations now {}",
                periods,
                loop.worstP95.stream().map(Math::round).toList(),
                loop.configs());
    }

    private static ProfilePolicy policy(Duration reload, ProfileSource source) throws Exception {
        Configuration conf = Plants.conf(ProfilePolicy.NAME);
        conf.set(ControlOptions.PROFILE_RELOAD_INTERVAL, reload);
        return (ProfilePolicy) SchedulingPolicies.create(conf, null, source);
    }

    private static Map<String, VideoConfig> choose(
            ProfilePolicy policy,
            SimulatedPlant plant,
            long sloMs,
            Map<String, String> processing) {
        return choose(policy, plant, sloMs, processing, 0);
    }

    /** One decision for cameras at edge-1 whose frames are processed at the given sites. */
    private static Map<String, VideoConfig> choose(
            ProfilePolicy policy,
            SimulatedPlant plant,
            long sloMs,
            Map<String, String> processing,
            long timeMs) {
        Map<String, CameraMetricsWindow> windows = new java.util.TreeMap<>();
        Map<String, CameraPolicy> policies = new java.util.TreeMap<>();
        processing.forEach(
                (camera, site) -> {
                    windows.put(camera, Plants.window(camera, "edge-1", site, 2000, 100));
                    policies.put(camera, UNPROFILED.applyTo(CameraPolicy.of(camera, 1, 1, 1)));
                });
        ControlInput input =
                new ControlInput(
                        timeMs,
                        Duration.ofSeconds(2),
                        Duration.ofMillis(sloMs),
                        windows,
                        policies,
                        Map.of(),
                        plant.bandwidths(),
                        plant.topology());
        Map<String, VideoConfig> chosen = new java.util.TreeMap<>();
        for (PolicyDecision d : policy.decide(input)) {
            chosen.put(d.cameraId(), VideoConfig.of(d.policy()));
        }
        return chosen;
    }
}
