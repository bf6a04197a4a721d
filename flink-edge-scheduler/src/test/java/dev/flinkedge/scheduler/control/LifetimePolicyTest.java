package dev.flinkedge.scheduler.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.metrics.CameraMetricsWindow;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** lifetime: per-site agents balance packet lifetimes with their parent. */
class LifetimePolicyTest {

    private static final Logger LOG = LoggerFactory.getLogger(LifetimePolicyTest.class);

    @Test
    void anOverloadedEdgeSiteConvergesTowardTheCloudsLifetime() throws Exception {
        SimulatedPlant plant =
                new SimulatedPlant()
                        .site("cloud", null, 8)
                        .site("edge-1", "cloud", 2)
                        .site("edge-2", "cloud", 2)
                        .link("edge-1", "cloud", 100, 20)
                        .link("edge-2", "cloud", 100, 20);
        LifetimePolicy policy = policy(plant);
        ClosedLoop loop = new ClosedLoop(plant, policy);
        // edge-1: 4 cameras need 2.4 of its 2 cores; edge-2: one camera, 0.6 of 2 cores.
        for (int i = 1; i <= 4; i++) {
            loop.camera("cam-" + i, "edge-1", "edge-1", Plants.BEST);
        }
        loop.camera("cam-5", "edge-2", "edge-2", Plants.BEST);

        List<Double> gaps = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        for (int period = 0; period < 30; period++) {
            loop.period();
            gaps.add(relativeGap(loop, "edge-1"));
            fractions.add(policy.agent("edge-1").orElseThrow().fraction());
        }

        double fraction = policy.agent("edge-1").orElseThrow().fraction();
        assertThat(fraction).as("edge-1 offloads part, not all").isBetween(0.2, 0.8);
        assertThat(gaps.subList(20, 30))
                .as("lifetime gap edge-1 vs cloud over the last 10 periods")
                .allMatch(g -> g <= 0.15);
        assertThat(policy.agent("edge-2").orElseThrow().fraction())
                .as(
                        "a lightly loaded site keeps its work: its packets live shorter than the"
                                + " cloud's")
                .isZero();
        assertThat(loop.policies.get("cam-1").offload().targetSite()).isEqualTo("cloud");
        assertThat(loop.policies.get("cam-5").offload().fraction()).isZero();
        LOG.info(
                "Lifetime balancing: edge-1 offload fraction per period {}; relative lifetime gap"
                        + " to the cloud {}",
                fractions.stream().map(f -> Math.round(f * 100) / 100.0).toList(),
                gaps.stream().map(g -> Math.round(g * 100) / 100.0).toList());
    }

    @Test
    void anAgentSeesOnlyItsOwnAndItsParentsSummary() {
        LifetimeAgent agent =
                new LifetimeAgent(
                        "edge-1", "cloud", new LifetimeAgent.Settings(0.5, 0.05, 0.1), 0.2);

        agent.step(summary("edge-1", 300), Optional.of(summary("cloud", 100)), 500);
        assertThat(agent.fraction())
                .as("0.2 + 0.5 × (300 − 100) / 300")
                .isCloseTo(0.5333, within());

        agent.step(summary("edge-1", 100), Optional.of(summary("cloud", 200)), 500);
        assertThat(agent.fraction())
                .as("0.533 + 0.5 × (100 − 200) / 200")
                .isCloseTo(0.2833, within());

        String why = agent.step(summary("edge-1", 102), Optional.of(summary("cloud", 100)), 500);
        assertThat(agent.fraction()).as("within the deadband").isCloseTo(0.2833, within());
        assertThat(why).contains("balanced");

        String saturated =
                agent.step(
                        summary("edge-1", 300),
                        Optional.of(new SiteSummary("cloud", 10, 100, 0.99)),
                        500);
        assertThat(agent.fraction()).isCloseTo(0.2833, within());
        assertThat(saturated).contains("parent saturated");
    }

    @Test
    void probesAnUnknownParentOnlyUnderPressure() {
        LifetimeAgent.Settings settings = new LifetimeAgent.Settings(0.5, 0.05, 0.1);
        LifetimeAgent relaxed = new LifetimeAgent("edge-1", "cloud", settings, 0);
        LifetimeAgent pressed = new LifetimeAgent("edge-2", "cloud", settings, 0);

        relaxed.step(summary("edge-1", 100), Optional.empty(), 500);
        pressed.step(summary("edge-2", 400), Optional.empty(), 500);

        assertThat(relaxed.fraction()).isZero();
        assertThat(pressed.fraction()).isEqualTo(0.1);
        assertThat(new LifetimeAgent("cloud", null, settings, 0.5).fraction()).isZero();
    }

    @Test
    void needsATopology() {
        assertThatThrownBy(() -> SchedulingPolicies.create(Plants.conf("lifetime"), null))
                .hasMessageContaining("needs a topology");
    }

    private static LifetimePolicy policy(SimulatedPlant plant) throws Exception {
        return (LifetimePolicy)
                SchedulingPolicies.create(Plants.conf(LifetimePolicy.NAME), plant.topology());
    }

    /** |L(site) − L(cloud)| / max over the last windows, as the sites' summaries report them. */
    private static double relativeGap(ClosedLoop loop, String site) {
        double[] here = new double[2];
        double[] cloud = new double[2];
        for (CameraMetricsWindow w : loop.lastWindows.values()) {
            if (!site.equals(w.sourceSite())) {
                continue;
            }
            w.sites()
                    .forEach(
                            (s, share) -> {
                                double[] acc = s.equals(site) ? here : cloud;
                                acc[0] += share.frames();
                                acc[1] += share.frames() * share.meanLatencyMs();
                            });
        }
        if (here[0] == 0 || cloud[0] == 0) {
            return 1;
        }
        double a = here[1] / here[0];
        double b = cloud[1] / cloud[0];
        return Math.abs(a - b) / Math.max(a, b);
    }

    private static SiteSummary summary(String site, double lifetimeMs) {
        return new SiteSummary(site, 10, lifetimeMs, 0.5);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.001);
    }
}
