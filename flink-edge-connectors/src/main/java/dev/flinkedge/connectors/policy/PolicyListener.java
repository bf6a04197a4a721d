package dev.flinkedge.connectors.policy;

import dev.flinkedge.connectors.model.CameraPolicy;

import org.apache.flink.annotation.PublicEvolving;

/**
 * Told about every change of a camera's published policy. Called on the provider's thread, so
 * implementations must return quickly and must not block.
 */
@PublicEvolving
@FunctionalInterface
public interface PolicyListener {

    /**
     * A camera's policy changed.
     *
     * @param cameraId the camera
     * @param policy the new policy, or null when the published policy was withdrawn and the camera
     *     is back to its default
     */
    void onPolicyChange(String cameraId, CameraPolicy policy);
}
