package dev.flinkedge.connectors.source.camera.split;

import dev.flinkedge.connectors.source.camera.CameraDevice;

import org.apache.flink.annotation.Internal;

/**
 * Mutable progress of a {@link CameraSplit} inside a source reader, advanced by the record emitter
 * for every delivered frame and turned back into a split when the reader checkpoints. Used by the
 * task thread only.
 */
@Internal
public final class CameraSplitState {

    private final CameraDevice device;
    private long nextSequence;
    private long sourcePosition;

    public CameraSplitState(CameraSplit split) {
        this.device = split.device();
        this.nextSequence = split.nextSequence();
        this.sourcePosition = split.sourcePosition();
    }

    /** Records that the frame with {@code sequence} was delivered and where the source now is. */
    public void delivered(long sequence, long nextSourcePosition) {
        this.nextSequence = sequence + 1;
        this.sourcePosition = nextSourcePosition;
    }

    public long nextSequence() {
        return nextSequence;
    }

    public long sourcePosition() {
        return sourcePosition;
    }

    /** The split with the current progress. */
    public CameraSplit toSplit() {
        return new CameraSplit(device, nextSequence, sourcePosition);
    }
}
