package dev.flinkedge.connectors.source.camera.reader;

import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.source.camera.split.CameraSplitState;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;

/**
 * Emits a frame with its capture time as the record timestamp and advances its camera's split
 * state, so a checkpoint after this frame resumes with the next sequence number.
 */
@Internal
public final class CameraRecordEmitter
        implements RecordEmitter<CameraRecord, Frame, CameraSplitState> {

    @Override
    public void emitRecord(
            CameraRecord record, SourceOutput<Frame> output, CameraSplitState state) {
        Frame frame = record.frame();
        output.collect(frame, frame.captureTimeMs());
        state.delivered(frame.sequence(), record.nextSourcePosition());
    }
}
