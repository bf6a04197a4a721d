package dev.flinkedge.connectors.source.camera.split;

import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.source.camera.CameraDevice;
import dev.flinkedge.connectors.source.camera.CameraSpec;

import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * Versioned checkpoint format of {@link CameraSplit}. Version 0: camera id, latitude, longitude,
 * spec (kind code, uri presence flag and uri, seed, fps, width, height, loop), next sequence,
 * source position. The camera kind is written as its explicit code.
 */
@Internal
public final class CameraSplitSerializer implements SimpleVersionedSerializer<CameraSplit> {

    public static final int VERSION_0 = 0;
    public static final int CURRENT_VERSION = VERSION_0;

    @Override
    public int getVersion() {
        return CURRENT_VERSION;
    }

    @Override
    public byte[] serialize(CameraSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128);
        write(out, split);
        return out.getCopyOfBuffer();
    }

    @Override
    public CameraSplit deserialize(int version, byte[] serialized) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        CameraSplit split = read(version, in);
        if (in.available() > 0) {
            throw new IOException("Camera split has " + in.available() + " trailing bytes");
        }
        return split;
    }

    /** Writes {@code split} in the current version; shared with the enumerator state format. */
    public static void write(DataOutputView out, CameraSplit split) throws IOException {
        CameraDevice d = split.device();
        out.writeUTF(d.id());
        out.writeDouble(d.location().lat());
        out.writeDouble(d.location().lon());
        CameraSpec s = d.spec();
        out.writeInt(s.kind().code());
        out.writeBoolean(s.uri() != null);
        if (s.uri() != null) {
            out.writeUTF(s.uri());
        }
        out.writeLong(s.seed());
        out.writeDouble(s.fps());
        out.writeInt(s.width());
        out.writeInt(s.height());
        out.writeBoolean(s.loop());
        out.writeLong(split.nextSequence());
        out.writeLong(split.sourcePosition());
    }

    /** Reads a split written in {@code version}; shared with the enumerator state format. */
    public static CameraSplit read(int version, DataInputView in) throws IOException {
        if (version != VERSION_0) {
            throw new IOException(
                    "Unknown camera split version "
                            + version
                            + "; this flink-edge reads versions up to "
                            + CURRENT_VERSION);
        }
        try {
            String id = in.readUTF();
            GeoPoint location = new GeoPoint(in.readDouble(), in.readDouble());
            CameraSpec.Kind kind = CameraSpec.Kind.ofCode(in.readInt());
            String uri = in.readBoolean() ? in.readUTF() : null;
            CameraSpec spec =
                    new CameraSpec(
                            kind,
                            uri,
                            in.readLong(),
                            in.readDouble(),
                            in.readInt(),
                            in.readInt(),
                            in.readBoolean());
            long nextSequence = in.readLong();
            long sourcePosition = in.readLong();
            return new CameraSplit(
                    new CameraDevice(id, location, spec), nextSequence, sourcePosition);
        } catch (IllegalArgumentException e) {
            throw new IOException("Corrupt camera split: " + e.getMessage(), e);
        }
    }
}
