package dev.flinkedge.connectors.serialization;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.util.Preconditions;

import java.io.IOException;

/**
 * Snapshot of an {@link EdgeKryoSerializer}: the serialized class and the {@link
 * EdgeKryo#FORMAT_VERSION} the state was written with. A restored job is compatible as is when the
 * class matches and this version reads the format ({@link EdgeKryo#readsFormat}: the current one,
 * or format 1 for flink-edge's fixed-layout types); any other combination is incompatible (never
 * silently misread).
 *
 * @param <T> the serialized type
 */
@Internal
public final class EdgeKryoSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {

    private static final int VERSION = 1;

    private Class<T> type;
    private int formatVersion;

    /** Used by Flink to read a snapshot back; fields are set by {@link #readSnapshot}. */
    public EdgeKryoSerializerSnapshot() {}

    EdgeKryoSerializerSnapshot(Class<T> type) {
        this.type = Preconditions.checkNotNull(type, "type");
        this.formatVersion = EdgeKryo.FORMAT_VERSION;
    }

    /** The format version of the data this snapshot describes. */
    int formatVersion() {
        return formatVersion;
    }

    @Override
    public int getCurrentVersion() {
        return VERSION;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
        out.writeUTF(type.getName());
        out.writeInt(formatVersion);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader)
            throws IOException {
        if (readVersion != VERSION) {
            throw new IOException(
                    "Unknown EdgeKryoSerializerSnapshot version "
                            + readVersion
                            + "; this flink-edge reads version "
                            + VERSION);
        }
        String className = in.readUTF();
        try {
            type = (Class<T>) Class.forName(className, false, userCodeClassLoader);
        } catch (ClassNotFoundException e) {
            throw new IOException(
                    "Class "
                            + className
                            + " of the restored state is not on the"
                            + " classpath of the job",
                    e);
        }
        formatVersion = in.readInt();
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
        return new EdgeKryoSerializer<>(type);
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
            TypeSerializerSnapshot<T> oldSerializerSnapshot) {
        if (!(oldSerializerSnapshot instanceof EdgeKryoSerializerSnapshot<T> old)
                || old.type != type
                || !EdgeKryo.readsFormat(type, old.formatVersion)) {
            return TypeSerializerSchemaCompatibility.incompatible();
        }
        return TypeSerializerSchemaCompatibility.compatibleAsIs();
    }
}
