package dev.flinkedge.scheduler.control;

import dev.flinkedge.connectors.metrics.CameraMetricsWindow;
import dev.flinkedge.connectors.model.CameraPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A policy controlling a {@link SimulatedPlant}, period by period, as the control loop would. */
final class ClosedLoop {

    static final long PERIOD_MS = 2000;
    static final long SLO_MS = 500;

    final SimulatedPlant plant;
    final SchedulingPolicy policy;
    final Map<String, CameraPolicy> policies = new TreeMap<>();
    final List<Double> worstP95 = new ArrayList<>();
    final List<List<PolicyDecision>> decisions = new ArrayList<>();
    Map<String, CameraMetricsWindow> lastWindows = Map.of();

    ClosedLoop(SimulatedPlant plant, SchedulingPolicy policy) {
        this.plant = plant;
        this.policy = policy;
    }

    /** Adds a camera to plant and loop, starting at {@code initial}. */
    ClosedLoop camera(String id, String source, String processing, VideoConfig initial) {
        plant.camera(id, source, processing);
        policies.put(id, initial.applyTo(CameraPolicy.of(id, 1, 1, 1)));
        return this;
    }

    /** Runs one period, lets the policy decide, and returns the worst p95 of the period. */
    double period() {
        lastWindows = plant.run(policies, PERIOD_MS);
        double worst =
                lastWindows.values().stream()
                        .mapToDouble(
                                w -> w.hasFrames() ? w.p95LatencyMs() : Double.POSITIVE_INFINITY)
                        .max()
                        .orElse(0);
        worstP95.add(worst);
        List<PolicyDecision> made =
                policy.decide(plant.input(lastWindows, policies, PERIOD_MS, SLO_MS));
        decisions.add(made);
        for (PolicyDecision d : made) {
            policies.put(d.cameraId(), d.policy());
        }
        return worst;
    }

    /** Runs {@code n} periods. */
    void run(int n) {
        for (int i = 0; i < n; i++) {
            period();
        }
    }

    /**
     * Runs periods until one ends with every p95 under the SLO.
     *
     * @return how many periods that took (1 = the first one was already fine), or -1 if not within
     *     {@code max}
     */
    int periodsUntilUnderSlo(int max) {
        for (int i = 1; i <= max; i++) {
            if (period() <= SLO_MS) {
                return i;
            }
        }
        return -1;
    }

    /** The configuration each camera has now. */
    Map<String, VideoConfig> configs() {
        Map<String, VideoConfig> m = new TreeMap<>();
        policies.forEach((id, p) -> m.put(id, VideoConfig.of(p)));
        return m;
    }
}
