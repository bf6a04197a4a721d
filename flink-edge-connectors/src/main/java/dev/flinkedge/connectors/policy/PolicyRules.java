package dev.flinkedge.connectors.policy;

import dev.flinkedge.connectors.model.CameraPolicy;

import org.apache.flink.annotation.PublicEvolving;

import java.util.Optional;

/**
 * The checks a published {@link CameraPolicy} must pass before a camera applies it. {@link
 * CameraPolicy}'s constructor already refuses fps &le; 0, non-positive sizes and offload fractions
 * outside [0, 1]; these rules add a rate floor, forward-only versions and the camera's native
 * limits. A policy that fails is ignored (the camera keeps the one it applies), counted and logged.
 */
@PublicEvolving
public final class PolicyRules {

    /**
     * The lowest frame rate a policy may ask for: one frame every 10 s. Below it a camera would
     * look dead to every reader of its stream.
     */
    public static final double MIN_FPS = 0.1;

    private PolicyRules() {}

    /**
     * Why {@code policy} must not replace {@code applied}, the camera's published policy.
     *
     * @param applied the policy in force, or null when none was published
     * @return the reason, or empty when the policy may be applied
     */
    public static Optional<String> rejection(CameraPolicy policy, CameraPolicy applied) {
        if (policy.fps() < MIN_FPS) {
            return Optional.of("fps " + policy.fps() + " is below the minimum " + MIN_FPS);
        }
        if (applied != null && policy.version() <= applied.version()) {
            return Optional.of(
                    "version "
                            + policy.version()
                            + " is not after the applied version "
                            + applied.version()
                            + "; publish policies with increasing versions");
        }
        return Optional.empty();
    }

    /**
     * Why {@code policy} does not fit a camera of the given native rate and size.
     *
     * @return the reason, or empty when it fits
     */
    public static Optional<String> rejection(
            CameraPolicy policy, double nativeFps, int nativeWidth, int nativeHeight) {
        if (policy.fps() < MIN_FPS || policy.fps() > nativeFps) {
            return Optional.of(
                    "fps "
                            + policy.fps()
                            + " is outside the camera's range ["
                            + MIN_FPS
                            + ", "
                            + nativeFps
                            + "]");
        }
        if (policy.width() > nativeWidth || policy.height() > nativeHeight) {
            return Optional.of(
                    "size "
                            + policy.width()
                            + "x"
                            + policy.height()
                            + " is above the camera's native "
                            + nativeWidth
                            + "x"
                            + nativeHeight);
        }
        return Optional.empty();
    }
}
