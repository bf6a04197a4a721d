package dev.flinkedge.scheduler.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.metrics.CameraMetricsWindow;
import dev.flinkedge.connectors.model.CameraPolicy;

import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** slo-feedback against the simulated plant: a load step and a bandwidth drop. */
class SloFeedbackPolicyTest {

    private static final Logger LOG = LoggerFactory.getLogger(SloFeedbackPolicyTest.class);

    @Test
    void returnsUnderTheSloWithinThreePeriodsAfterALoadStep() throws Exception {
        ClosedLoop loop = new ClosedLoop(Plants.edgeAndCloud(), policy());
        for (int i = 1; i <= 2; i++) {
            loop.camera("cam-" + i, "edge-1", "edge-1", Plants.BEST);
        }
        loop.run(5);
        assertThat(loop.worstP95).allMatch(p95 -> p95 <= ClosedLoop.SLO_MS);
        assertThat(loop.configs().values()).containsOnly(Plants.BEST);

        for (int i = 3; i <= 6; i++) {
            loop.camera("cam-" + i, "edge-1", "edge-1", Plants.BEST);
        }
        int periods = loop.periodsUntilUnderSlo(10);

        assertThat(periods).as("periods from the load step until p95 <= SLO").isBetween(1, 3);
        assertThat(loop.worstP95.get(5)).as("the step violates the SLO").isGreaterThan(500.0);
        loop.run(20);
        long violations =
                loop.worstP95.subList(5 + periods, loop.worstP95.size()).stream()
                        .filter(p95 -> p95 > ClosedLoop.SLO_MS)
                        .count();
        assertThat(violations)
                .as("violations in the 20 periods after recovery")
                .isLessThanOrEqualTo(2);
        LOG.info(
                "Load step 2 → 6 cameras: back under the SLO after {} period(s); p95 per period {};"
                        + " configurations now {}",
                periods,
                loop.worstP95.stream().map(Math::round).toList(),
                loop.configs());
    }

    @Test
    void returnsUnderTheSloWithinThreePeriodsAfterABandwidthDrop() throws Exception {
        SimulatedPlant plant = Plants.edgeAndCloud();
        ClosedLoop loop = new ClosedLoop(plant, policy());
        loop.camera("cam-1", "edge-1", "cloud", Plants.BEST);
        loop.camera("cam-2", "edge-1", "cloud", Plants.BEST);
        loop.run(5);
        assertThat(loop.worstP95).allMatch(p95 -> p95 <= ClosedLoop.SLO_MS);

        plant.setBandwidth("edge-1", "cloud", 10);
        int periods = loop.periodsUntilUnderSlo(10);

        assertThat(periods).as("periods from the drop until p95 <= SLO").isBetween(1, 3);
        assertThat(loop.worstP95.get(5)).as("the drop violates the SLO").isGreaterThan(500.0);
        LOG.info(
                "Bandwidth drop 100 → 10 Mbit/s: back under the SLO after {} period(s); p95 per"
                        + " period {}; configurations now {}",
                periods,
                loop.worstP95.stream().map(Math::round).toList(),
                loop.configs());
    }

    @Test
    void stepsUpSlowlyAfterTheLoadGoesAway() throws Exception {
        ClosedLoop loop = new ClosedLoop(Plants.edgeAndCloud(), policy());
        VideoConfig low = new VideoConfig(320, 180, 1);
        loop.camera("cam-1", "edge-1", "edge-1", low);

        loop.run(2);
        double afterTwo = ConfigLadder.from(Plants.BEST).cost(loop.configs().get("cam-1"));
        loop.run(30);

        assertThat(afterTwo)
                .as("one additive step after two good periods")
                .isLessThanOrEqualTo(0.11);
        assertThat(loop.configs().get("cam-1")).isEqualTo(Plants.BEST);
        assertThat(loop.worstP95).allMatch(p95 -> p95 <= ClosedLoop.SLO_MS);
    }

    @Test
    void rejectsGainsOutOfRange() {
        Configuration conf = Plants.conf(SloFeedbackPolicy.NAME);
        conf.set(ControlOptions.FEEDBACK_DECREASE_FACTOR, 1.5);

        assertThatThrownBy(() -> SchedulingPolicies.create(conf, null))
                .hasMessageContaining("scheduler.slo-feedback.decrease-factor is 1.5");
    }

    @Test
    void aViolationCutsEveryCameraOfTheSiteUnlessUncoupled() throws Exception {
        long now = 10_000;
        Map<String, CameraMetricsWindow> metrics =
                Map.of(
                        "cam-1", Plants.window("cam-1", "edge-1", "edge-1", now, 900),
                        "cam-2", Plants.window("cam-2", "edge-1", "edge-1", now, 100),
                        "cam-3", Plants.window("cam-3", "edge-2", "edge-2", now, 100));
        Map<String, CameraPolicy> policies = new TreeMap<>();
        for (String camera : metrics.keySet()) {
            policies.put(camera, CameraPolicy.of(camera, 10, 1280, 720));
        }
        ControlInput input =
                new ControlInput(
                        now,
                        Duration.ofMillis(ClosedLoop.PERIOD_MS),
                        Duration.ofMillis(ClosedLoop.SLO_MS),
                        metrics,
                        policies,
                        Map.of(),
                        LinkBandwidths.none(),
                        null);

        Map<String, Double> coupled = budgets(policy().decide(input));
        Configuration uncoupledConf = Plants.conf(SloFeedbackPolicy.NAME);
        uncoupledConf.set(ControlOptions.FEEDBACK_SITE_COUPLED, false);
        Map<String, Double> uncoupled =
                budgets(SchedulingPolicies.create(uncoupledConf, null).decide(input));

        // cam-1's 900 ms > 500 ms cuts edge-1 to 0.8 × 500 / 900 = 0.44 of the pixel rate.
        assertThat(coupled.get("cam-1")).isLessThan(0.45);
        assertThat(coupled.get("cam-2")).isEqualTo(coupled.get("cam-1"));
        assertThat(coupled.get("cam-3")).isEqualTo(1.0);
        assertThat(uncoupled.get("cam-1")).isEqualTo(coupled.get("cam-1"));
        assertThat(uncoupled.get("cam-2")).isEqualTo(1.0);
    }

    /** Each decision's pixel rate as a share of the best configuration's. */
    private static Map<String, Double> budgets(List<PolicyDecision> decisions) {
        Map<String, Double> budgets = new TreeMap<>();
        decisions.forEach(
                d ->
                        budgets.put(
                                d.cameraId(),
                                VideoConfig.of(d.policy()).pixelRate() / Plants.BEST.pixelRate()));
        return budgets;
    }

    private static SchedulingPolicy policy() throws Exception {
        return SchedulingPolicies.create(Plants.conf(SloFeedbackPolicy.NAME), null);
    }
}
