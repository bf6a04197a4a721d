package dev.flinkedge.jobs.bench.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.testutil.TestAssets;
import dev.flinkedge.jobs.bench.LocalBenchEnvironment;
import dev.flinkedge.scheduler.control.Profile;
import dev.flinkedge.scheduler.control.ProfileLoader;
import dev.flinkedge.scheduler.control.VideoConfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A tiny scheduler benchmark end to end with the real models: a one-second profiling pass, then six
 * one-second periods on small frames with a load step and a bandwidth drop. The report's numbers
 * must be the run's own: every period measured, violations and bytes summed from them, every
 * analysed frame aligned with the scene, no restart.
 */
class SchedulerBenchmarkITCase {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerBenchmarkITCase.class);

    @TempDir Path work;

    @Test
    void reportsWhatTheRunMeasured() throws Exception {
        Path model = TestAssets.yolov8n();
        SchedulerScenario scenario =
                new SchedulerScenario(
                        "slo-feedback",
                        Duration.ofMillis(1500),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(6),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        1,
                        2,
                        100,
                        10,
                        5,
                        2L * 1024 * 1024,
                        new VideoConfig(640, 360, 1),
                        2,
                        0.2,
                        0.9f,
                        1,
                        model,
                        Map.of("scheduler.slo-feedback.frame-cost-share", "0.8"));

        List<ConfigurationProfiler.Measured> measured =
                SchedulerBenchmark.profile(scenario, 2, LOG::info);
        assertThat(measured).hasSize(ConfigurationProfiler.configurations());
        Profile profile = ConfigurationProfiler.toProfile(measured, "test");
        Path profileFile = work.resolve("profile.json");
        Files.write(profileFile, ProfileLoader.toJson(profile));

        StringWriter progress = new StringWriter();
        SchedulerReport r;
        try (LocalBenchEnvironment env =
                LocalBenchEnvironment.start(work, 4, SchedulerBenchmark.flinkConfiguration())) {
            r =
                    new SchedulerBenchmark(
                                    scenario,
                                    env.services().kafkaA(),
                                    env.cluster(),
                                    work,
                                    new PrintWriter(progress, true))
                            .run(profile, profileFile);
        }
        LOG.info(
                "Report: violations {}, recovery {}, F1 {} (analysed {}), plates {}, {} bytes,"
                        + " {} frames; progress:\n{}",
                r.violationRate(),
                r.recoveryPeriods(),
                r.accuracyF1(),
                r.frameF1(),
                r.plateAccuracy(),
                r.bytesShipped(),
                r.frames(),
                progress);

        assertThat(r.policy()).isEqualTo("slo-feedback");
        assertThat(r.sloMs()).isEqualTo(1500);
        assertThat(r.periods())
                .hasSize(6)
                .extracting(SchedulerReport.Period::index)
                .containsExactly(1, 2, 3, 4, 5, 6);
        long violations = r.periods().stream().filter(SchedulerReport.Period::violation).count();
        assertThat(r.violationRate())
                .isBetween(0.0, 1.0)
                .isEqualTo(Math.round(violations / 6.0 * 1000) / 1000.0);
        assertThat(r.events())
                .extracting(SchedulerReport.Event::name)
                .containsExactly("load-step", "bandwidth-drop");
        assertThat(r.events()).extracting(SchedulerReport.Event::afterPeriod).containsExactly(2, 4);
        assertThat(r.recoveryPeriods()).hasSize(2);
        assertThat(r.restarts()).isZero();
        assertThat(r.frames()).isPositive();
        assertThat(r.unalignedFrames()).isZero();
        assertThat(r.bytesShipped())
                .isPositive()
                .isEqualTo(r.periods().stream().mapToLong(SchedulerReport.Period::bytes).sum());
        assertThat(r.frameF1()).isBetween(0.0, 1.0);
        assertThat(r.accuracyF1()).isBetween(0.0, 1.0);
        assertThat(r.plateAccuracy()).isBetween(0.0, 1.0);
        assertThat(r.bestStaticF1()).isEqualTo(profile.mostAccurate().accuracy());
        // Both cameras run after the load step and every camera has a policy in every period.
        assertThat(r.periods().get(5).configs()).containsOnlyKeys("cam-1", "cam-2");
        assertThat(progress.toString())
                .contains(
                        "load-step: cameras 1 → 2", "bandwidth-drop: edge-1>cloud 100 → 10 Mbit/s");
    }
}
