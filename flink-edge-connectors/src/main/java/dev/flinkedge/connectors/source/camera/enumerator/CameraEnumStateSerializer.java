package dev.flinkedge.connectors.source.camera.enumerator;

import dev.flinkedge.connectors.source.camera.split.CameraSplit;
import dev.flinkedge.connectors.source.camera.split.CameraSplitSerializer;

import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Versioned checkpoint format of {@link CameraEnumState}. Version 0: initial-selection flag, count
 * and ids of assigned cameras (sorted), count of unassigned splits, each in {@link
 * CameraSplitSerializer} version 0.
 */
@Internal
public final class CameraEnumStateSerializer implements SimpleVersionedSerializer<CameraEnumState> {

    public static final int VERSION_0 = 0;
    public static final int CURRENT_VERSION = VERSION_0;

    @Override
    public int getVersion() {
        return CURRENT_VERSION;
    }

    @Override
    public byte[] serialize(CameraEnumState state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeBoolean(state.initialSelectionDone());
        out.writeInt(state.assignedCameraIds().size());
        for (String id : new TreeSet<>(state.assignedCameraIds())) {
            out.writeUTF(id);
        }
        out.writeInt(state.unassigned().size());
        for (CameraSplit split : state.unassigned()) {
            CameraSplitSerializer.write(out, split);
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public CameraEnumState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION_0) {
            throw new IOException(
                    "Unknown camera enumerator state version "
                            + version
                            + "; this flink-edge reads versions up to "
                            + CURRENT_VERSION);
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        boolean initialSelectionDone = in.readBoolean();
        int assignedCount = in.readInt();
        Set<String> assigned = new HashSet<>();
        for (int i = 0; i < assignedCount; i++) {
            assigned.add(in.readUTF());
        }
        int unassignedCount = in.readInt();
        Set<CameraSplit> unassigned = new HashSet<>();
        for (int i = 0; i < unassignedCount; i++) {
            unassigned.add(CameraSplitSerializer.read(CameraSplitSerializer.VERSION_0, in));
        }
        if (in.available() > 0) {
            throw new IOException(
                    "Camera enumerator state has " + in.available() + " trailing bytes");
        }
        return new CameraEnumState(assigned, unassigned, initialSelectionDone);
    }
}
