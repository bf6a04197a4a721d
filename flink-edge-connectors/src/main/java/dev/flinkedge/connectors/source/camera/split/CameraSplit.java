package dev.flinkedge.connectors.source.camera.split;

import dev.flinkedge.connectors.source.camera.CameraDevice;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.util.Preconditions;

import java.util.Objects;

/**
 * One camera as a unit of work of the camera source, with its progress: the sequence number of the
 * next delivered frame and the position of the next native frame in the camera's source (the frame
 * index in a video file or image directory, the tick of a synthetic scene; unused for live
 * streams). Immutable; the split id is the camera id.
 */
@Internal
public final class CameraSplit implements SourceSplit {

    private final CameraDevice device;
    private final long nextSequence;
    private final long sourcePosition;

    /**
     * @param device the camera
     * @param nextSequence sequence number of the next delivered frame, {@code >= 0}
     * @param sourcePosition index of the next native frame, {@code >= 0}
     */
    public CameraSplit(CameraDevice device, long nextSequence, long sourcePosition) {
        this.device = Preconditions.checkNotNull(device, "device");
        Preconditions.checkArgument(
                nextSequence >= 0,
                "Next sequence %s of camera %s must be >= 0",
                nextSequence,
                device.id());
        Preconditions.checkArgument(
                sourcePosition >= 0,
                "Source position %s of camera %s must be >= 0",
                sourcePosition,
                device.id());
        this.nextSequence = nextSequence;
        this.sourcePosition = sourcePosition;
    }

    /** A split for a camera that has delivered nothing yet. */
    public static CameraSplit fresh(CameraDevice device) {
        return new CameraSplit(device, 0, 0);
    }

    @Override
    public String splitId() {
        return device.id();
    }

    public CameraDevice device() {
        return device;
    }

    public long nextSequence() {
        return nextSequence;
    }

    public long sourcePosition() {
        return sourcePosition;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CameraSplit s
                && nextSequence == s.nextSequence
                && sourcePosition == s.sourcePosition
                && device.equals(s.device);
    }

    @Override
    public int hashCode() {
        return Objects.hash(device, nextSequence, sourcePosition);
    }

    @Override
    public String toString() {
        return "CameraSplit{"
                + device.id()
                + " "
                + device.spec().kind()
                + " next="
                + nextSequence
                + " pos="
                + sourcePosition
                + "}";
    }
}
