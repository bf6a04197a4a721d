package dev.flinkedge.connectors.source.camera.reader;

import dev.flinkedge.connectors.source.camera.CameraSourceOptions;

import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;

import java.io.Serializable;
import java.time.Duration;

/**
 * The camera source options a reader needs, read once from the source's configuration.
 *
 * @param maxFramesPerCamera frames to deliver per camera before its split ends; 0 = unbounded
 * @param jpegQuality JPEG quality in (0, 1]
 * @param liveOpenTimeout bound on connecting to a live stream and on each socket read
 * @param liveReconnectBackoff pause before reconnecting a failed live stream
 */
@Internal
public record CameraReaderSettings(
        long maxFramesPerCamera,
        float jpegQuality,
        Duration liveOpenTimeout,
        Duration liveReconnectBackoff)
        implements Serializable {

    /** The settings in {@code config}, defaults for the options it does not set. */
    public static CameraReaderSettings from(Configuration config) {
        return new CameraReaderSettings(
                Math.max(0, config.get(CameraSourceOptions.MAX_FRAMES_PER_CAMERA)),
                config.get(CameraSourceOptions.JPEG_QUALITY),
                config.get(CameraSourceOptions.LIVE_OPEN_TIMEOUT),
                config.get(CameraSourceOptions.LIVE_RECONNECT_BACKOFF));
    }
}
