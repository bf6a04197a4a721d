package dev.flinkedge.scheduler.control;

import dev.flinkedge.connectors.model.CameraPolicy;

import java.util.Objects;

/**
 * What a policy wants for one camera, and why, for the decision log.
 *
 * @param policy the wanted policy; its version is ignored (the control loop assigns versions)
 * @param reason one line, e.g. {@code p95 812 ms > SLO 500 ms: budget 1.00 → 0.49}
 */
public record PolicyDecision(CameraPolicy policy, String reason) {

    /** Checks the fields. */
    public PolicyDecision {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(reason, "reason");
    }

    /** The camera the decision is for. */
    public String cameraId() {
        return policy.cameraId();
    }
}
