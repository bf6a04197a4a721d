package dev.flinkedge.scheduler.control;

import dev.flinkedge.connectors.model.CameraPolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code fixed}: every camera delivers one configuration, whatever happens; offloading is left as
 * it is. The baseline the adaptive policies are measured against (at the best configuration it
 * violates the SLO under overload).
 */
final class FixedPolicy implements SchedulingPolicy {

    static final String NAME = "fixed";

    private final VideoConfig config;

    FixedPolicy(VideoConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PolicyDecision> decide(ControlInput input) {
        List<PolicyDecision> decisions = new ArrayList<>();
        for (CameraPolicy current : input.policies().values()) {
            decisions.add(
                    new PolicyDecision(config.applyTo(current), "fixed configuration " + config));
        }
        return decisions;
    }
}
