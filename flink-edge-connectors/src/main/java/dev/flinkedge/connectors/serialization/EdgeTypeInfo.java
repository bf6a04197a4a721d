package dev.flinkedge.connectors.serialization;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.util.Preconditions;

/**
 * Type information for flink-edge types, serialized by {@link EdgeKryoSerializer} without Flink's
 * generic Kryo fallback. All {@code EdgeRecord<T>} types are described alike whatever {@code T} is:
 * Kryo writes the payload with its class, so streams of edge records with different payloads can be
 * unioned and their serializers are interchangeable.
 *
 * <pre>{@code
 * DataStream<EdgeRecord<Plate>> plates = frames.map(new ReadPlates())
 *         .returns(EdgeTypeInfo.edgeRecords(Plate.class));
 * }</pre>
 *
 * @param <T> the described type
 */
@PublicEvolving
public final class EdgeTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;

    private EdgeTypeInfo(Class<T> type) {
        this.type = Preconditions.checkNotNull(type, "type");
    }

    /** Type information for {@link Frame}. */
    public static EdgeTypeInfo<Frame> frames() {
        return new EdgeTypeInfo<>(Frame.class);
    }

    /** Type information for {@link CameraPolicy}. */
    public static EdgeTypeInfo<CameraPolicy> cameraPolicies() {
        return new EdgeTypeInfo<>(CameraPolicy.class);
    }

    /**
     * Type information for {@code EdgeRecord<P>}.
     *
     * @param payloadClass the payload class, only to type the result
     * @return the same type information for every payload class
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <P> EdgeTypeInfo<EdgeRecord<P>> edgeRecords(Class<P> payloadClass) {
        return new EdgeTypeInfo<>((Class) EdgeRecord.class);
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return type;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new EdgeKryoSerializer<>(type);
    }

    @Override
    public String toString() {
        return "EdgeType<" + type.getSimpleName() + ">";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EdgeTypeInfo<?> other && other.canEqual(this) && type == other.type;
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof EdgeTypeInfo;
    }
}
