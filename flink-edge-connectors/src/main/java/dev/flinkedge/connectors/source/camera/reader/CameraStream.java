package dev.flinkedge.connectors.source.camera.reader;

import org.apache.flink.annotation.Internal;

import java.io.IOException;

/**
 * One camera inside a {@link CameraSplitReader}: knows when it next has work and does it, turning
 * native frames into delivered frames under the camera's current policy. Called by the split
 * reader's fetcher thread only.
 */
@Internal
public interface CameraStream extends AutoCloseable {

    /** The camera id (the split id). */
    String cameraId();

    /**
     * When {@link #step()} next has work, on the {@link CameraClock#nanoTime()} scale; {@link
     * Long#MAX_VALUE} when only an external signal can bring work.
     */
    long readyAtNanos();

    /**
     * Handles the next native frame.
     *
     * @return the delivered frame, or null when the frame was dropped by the rate policy
     */
    CameraRecord step() throws IOException;

    /** Whether the camera has delivered its last frame. */
    boolean isFinished();

    @Override
    void close();
}
