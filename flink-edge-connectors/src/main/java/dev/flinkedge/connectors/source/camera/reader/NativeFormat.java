package dev.flinkedge.connectors.source.camera.reader;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.source.camera.CameraSpec;
import dev.flinkedge.connectors.source.camera.reader.feed.FrameFeed;

import org.apache.flink.annotation.Internal;

/**
 * A camera's own rate and size: declared in its spec, else as its source reports them. It is also
 * the camera's policy while none is published.
 *
 * @param fps native frames per second
 * @param width native width
 * @param height native height
 */
@Internal
public record NativeFormat(double fps, int width, int height) {

    /** The format of a camera with {@code spec} whose source is {@code feed}. */
    public static NativeFormat of(CameraSpec spec, FrameFeed feed) {
        boolean declaredSize = spec.width() > 0;
        return new NativeFormat(
                spec.fps() > 0 ? spec.fps() : feed.nativeFps(),
                declaredSize ? spec.width() : feed.nativeWidth(),
                declaredSize ? spec.height() : feed.nativeHeight());
    }

    /** The policy "deliver everything at native size", version 0. */
    public CameraPolicy asPolicy(String cameraId) {
        return CameraPolicy.of(cameraId, fps, width, height);
    }
}
