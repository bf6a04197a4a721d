package dev.flinkedge.connectors.policy;

import dev.flinkedge.connectors.model.CameraPolicy;

import org.apache.flink.annotation.PublicEvolving;

import java.util.Objects;

/**
 * One record of the policy topic as a stream element: the newest policy of a camera, or its
 * withdrawal (the topic's tombstone), which sends the camera back to its default. Flink describes
 * it as a POJO, so it needs no generic serializer.
 *
 * @param cameraId the camera (the record's key)
 * @param policy the new policy, or null when the policy was withdrawn
 */
@PublicEvolving
public record PolicyChange(String cameraId, CameraPolicy policy) {

    /** Checks that a policy belongs to the camera it is keyed by. */
    public PolicyChange {
        Objects.requireNonNull(cameraId, "cameraId");
        if (policy != null && !policy.cameraId().equals(cameraId)) {
            throw new IllegalArgumentException(
                    "Policy of camera '"
                            + policy.cameraId()
                            + "' keyed by camera '"
                            + cameraId
                            + "'");
        }
    }

    /** The offload part of the change: the policy's, or none after a withdrawal. */
    public CameraPolicy.Offload offload() {
        return policy == null ? CameraPolicy.Offload.NONE : policy.offload();
    }
}
