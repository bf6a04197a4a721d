package dev.flinkedge.connectors.source.camera.reader;

import dev.flinkedge.connectors.model.CameraPolicy;

import org.apache.flink.annotation.Internal;

/**
 * What a camera actually delivers under a policy: the policy's rate but never more than the native
 * rate, and the policy's size unless it is larger than the native size in either dimension (frames
 * are never enlarged; the native size is delivered then).
 *
 * @param fps delivered frames per second
 * @param width delivered width
 * @param height delivered height
 * @param policyVersion version of the policy this follows
 */
@Internal
public record DeliveredFormat(double fps, int width, int height, long policyVersion) {

    /** The format {@code policy} asks for on a camera with the given native properties. */
    public static DeliveredFormat of(
            CameraPolicy policy, double nativeFps, int nativeWidth, int nativeHeight) {
        double fps = Math.min(policy.fps(), nativeFps);
        boolean fits = policy.width() <= nativeWidth && policy.height() <= nativeHeight;
        return new DeliveredFormat(
                fps,
                fits ? policy.width() : nativeWidth,
                fits ? policy.height() : nativeHeight,
                policy.version());
    }
}
