package dev.flinkedge.connectors.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import dev.flinkedge.connectors.model.EdgeRecord;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.util.Preconditions;

import java.io.IOException;

/**
 * Flink serializer for flink-edge types ({@code Frame}, {@code EdgeRecord<T>}, {@code
 * CameraPolicy}, …) backed by the Kryo setup of {@link EdgeKryo}. Each record is written as a
 * length-prefixed Kryo blob, so records can be copied between views without decoding them.
 *
 * <p>The Kryo instance and buffers are created lazily and confined to the thread using this
 * serializer; {@link #duplicate()} gives every other thread its own instance, as Flink requires for
 * stateful serializers.
 *
 * @param <T> the serialized type
 */
@Internal
public final class EdgeKryoSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;
    private static final int INITIAL_BUFFER = 4096;

    private final Class<T> type;
    private transient Kryo kryo;
    private transient Output output;
    private transient CappedInput input;
    private transient byte[] readBuffer;

    /** A serializer for values of exactly {@code type}. */
    public EdgeKryoSerializer(Class<T> type) {
        this.type = Preconditions.checkNotNull(type, "type");
    }

    /** The serialized class. */
    public Class<T> type() {
        return type;
    }

    @Override
    public boolean isImmutableType() {
        return EdgeKryo.isImmutable(type);
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return new EdgeKryoSerializer<>(type);
    }

    /** flink-edge types have no empty instance; Flink accepts null here for such types. */
    @Override
    public T createInstance() {
        return null;
    }

    @Override
    public T copy(T from) {
        if (from == null || isImmutableType()) {
            return from;
        }
        if (from instanceof EdgeRecord<?> r && EdgeKryo.isImmutable(r.payload().getClass())) {
            return from;
        }
        Kryo k = kryo();
        Output out = output();
        out.reset();
        try {
            k.writeObject(out, from);
            return k.readObject(new Input(out.getBuffer(), 0, out.position()), type);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Cannot copy " + type.getName() + ": " + EdgeKryo.writeError(e), e);
        }
    }

    @Override
    public T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        Output out = output();
        out.reset();
        try {
            kryo().writeObject(out, record);
        } catch (RuntimeException e) {
            throw new IOException(
                    "Cannot serialize " + type.getName() + " with Kryo: " + EdgeKryo.writeError(e),
                    e);
        }
        target.writeInt(out.position());
        target.write(out.getBuffer(), 0, out.position());
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        int length = source.readInt();
        try {
            DecodeLimits.check(
                    "record", length, DecodeLimits.MAX_RECORD_BYTES, -1, "MAX_RECORD_BYTES");
        } catch (IllegalArgumentException e) {
            throw new IOException("Corrupt " + type.getName() + " record: " + e.getMessage(), e);
        }
        if (readBuffer == null || readBuffer.length < length) {
            readBuffer = new byte[Math.max(length, INITIAL_BUFFER)];
        }
        source.readFully(readBuffer, 0, length);
        Input in = input();
        in.setBuffer(readBuffer, 0, length);
        try {
            return kryo().readObject(in, type);
        } catch (RuntimeException e) {
            throw new IOException(
                    "Cannot deserialize " + type.getName() + " with Kryo: " + e.getMessage(), e);
        }
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = source.readInt();
        target.writeInt(length);
        target.write(source, length);
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new EdgeKryoSerializerSnapshot<>(type);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EdgeKryoSerializer<?> s && type == s.type;
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public String toString() {
        return "EdgeKryoSerializer{" + type.getName() + "}";
    }

    private Kryo kryo() {
        if (kryo == null) {
            kryo = EdgeKryo.newKryo();
        }
        return kryo;
    }

    private Output output() {
        if (output == null) {
            output = new Output(INITIAL_BUFFER, -1);
        }
        return output;
    }

    private Input input() {
        if (input == null) {
            input = new CappedInput();
        }
        return input;
    }
}
