package dev.flinkedge.connectors.model;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a camera source should deliver for one camera: frame rate, resolution and how much of the
 * camera's work to offload to another site. The scheduler's control loop publishes policies; camera
 * sources and the offload router apply the newest one without restarting the job. Immutable and
 * validated at construction.
 *
 * <pre>{@code
 * CameraPolicy p = CameraPolicy.of("cam-1", 2.0, 640, 360).withVersion(7);
 * }</pre>
 *
 * @param cameraId the camera the policy is for
 * @param fps frames per second to deliver, {@code > 0}; a source never delivers more than the
 *     camera's native rate
 * @param width width in pixels of delivered frames, {@code > 0}
 * @param height height in pixels of delivered frames, {@code > 0}
 * @param offload which share of the camera's frames to process at another site
 * @param version version of the policy, increasing per camera; for logs and acknowledgements
 */
@PublicEvolving
public record CameraPolicy(
        String cameraId, double fps, int width, int height, Offload offload, long version)
        implements Serializable {

    public CameraPolicy {
        Objects.requireNonNull(cameraId, "cameraId");
        if (cameraId.isBlank()) {
            throw new IllegalArgumentException("CameraPolicy cameraId must not be blank");
        }
        if (!(fps > 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException(
                    "CameraPolicy fps "
                            + fps
                            + " for camera '"
                            + cameraId
                            + "' must be a finite number > 0");
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(
                    "CameraPolicy size "
                            + width
                            + "x"
                            + height
                            + " for camera '"
                            + cameraId
                            + "' must be positive");
        }
        offload = offload == null ? Offload.NONE : offload;
    }

    /** A policy without offloading, version 0. */
    public static CameraPolicy of(String cameraId, double fps, int width, int height) {
        return new CameraPolicy(cameraId, fps, width, height, Offload.NONE, 0);
    }

    /** A copy with another version. */
    public CameraPolicy withVersion(long newVersion) {
        return new CameraPolicy(cameraId, fps, width, height, offload, newVersion);
    }

    /** A copy with another offload setting. */
    public CameraPolicy withOffload(Offload newOffload) {
        return new CameraPolicy(cameraId, fps, width, height, newOffload, version);
    }

    /**
     * Which share of a camera's frames is processed at another site.
     *
     * @param targetSite the site that takes the offloaded frames, or null for none
     * @param fraction share of frames to offload, in [0, 1]; must be 0 without a target site
     */
    public record Offload(String targetSite, double fraction) implements Serializable {

        /** Process everything locally. */
        public static final Offload NONE = new Offload(null, 0.0);

        public Offload {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException(
                        "Offload fraction " + fraction + " must be in [0, 1]");
            }
            if (targetSite == null && fraction > 0) {
                throw new IllegalArgumentException(
                        "Offload fraction " + fraction + " needs a targetSite; set one or use 0");
            }
            if (targetSite != null && targetSite.isBlank()) {
                throw new IllegalArgumentException("Offload targetSite must not be blank");
            }
        }
    }
}
