package dev.flinkedge.connectors.source.camera.reader;

import dev.flinkedge.connectors.model.Frame;

import org.apache.flink.annotation.Internal;

/**
 * A frame on its way from the split reader to the record emitter, with the camera's source position
 * after it (what a checkpoint taken after this frame must resume from).
 *
 * @param frame the delivered frame
 * @param nextSourcePosition index of the next native frame of the camera's source
 */
@Internal
public record CameraRecord(Frame frame, long nextSourcePosition) {}
