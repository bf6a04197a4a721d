package dev.flinkedge.scheduler.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;

/** fixed never changes anything, whatever the plant does. */
class FixedPolicyTest {

    @Test
    void keepsTheBestConfigurationThroughALoadStepAndABandwidthDrop() throws Exception {
        SimulatedPlant plant = Plants.edgeAndCloud();
        ClosedLoop loop =
                new ClosedLoop(plant, SchedulingPolicies.create(Plants.conf("fixed"), null));
        loop.camera("cam-1", "edge-1", "cloud", Plants.BEST);
        loop.camera("cam-2", "edge-1", "edge-1", Plants.BEST);
        loop.run(3);
        for (int i = 3; i <= 6; i++) {
            loop.camera("cam-" + i, "edge-1", "edge-1", Plants.BEST);
        }
        loop.run(3);
        plant.setBandwidth("edge-1", "cloud", 10);
        loop.run(3);

        assertThat(loop.worstP95.get(5)).as("it does violate under load").isGreaterThan(500.0);
        for (List<PolicyDecision> period : loop.decisions) {
            assertThat(period)
                    .allSatisfy(
                            d -> {
                                assertThat(VideoConfig.of(d.policy())).isEqualTo(Plants.BEST);
                                assertThat(d.policy().offload().fraction()).isZero();
                            });
        }
        assertThat(loop.configs().values()).containsOnly(Plants.BEST);
    }
}
