package dev.flinkedge.connectors.sink.internal;

import java.io.IOException;
import java.io.Serializable;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Turns records into the bytes of a shared stream's topic and back, with the Flink serializer of
 * the stream's type: the bytes a tap writes are exactly what the job would ship between operators,
 * so a reader decodes them with the same type information. Not thread-safe; one per task.
 *
 * @param <T> record type
 */
public final class TypeSerializerCodec<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final TypeInformation<T> type;
    private transient TypeSerializer<T> serializer;
    private transient DataOutputSerializer out;
    private transient DataInputDeserializer in;

    public TypeSerializerCodec(TypeInformation<T> type) {
        this.type = type;
    }

    public TypeInformation<T> type() {
        return type;
    }

    private TypeSerializer<T> serializer() {
        if (serializer == null) {
            serializer = type.createSerializer(new SerializerConfigImpl());
            out = new DataOutputSerializer(4096);
            in = new DataInputDeserializer();
        }
        return serializer;
    }

    public byte[] encode(T record) throws IOException {
        TypeSerializer<T> s = serializer();
        out.clear();
        s.serialize(record, out);
        return out.getCopyOfBuffer();
    }

    public T decode(byte[] bytes) throws IOException {
        TypeSerializer<T> s = serializer();
        in.setBuffer(bytes);
        return s.deserialize(in);
    }
}
