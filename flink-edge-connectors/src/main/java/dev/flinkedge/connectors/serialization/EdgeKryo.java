package dev.flinkedge.connectors.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.model.GroundTruth;
import dev.flinkedge.connectors.model.StageTimes;

import org.apache.flink.annotation.Internal;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * The one place where Kryo instances for flink-edge are made. Every flink-edge type is registered
 * with a fixed id and a hand-written serializer, so the bytes do not depend on registration order
 * or class names; user payload classes (the {@code T} of {@link EdgeRecord}) need no registration
 * and are written with their class name.
 *
 * <p>Kryo instances are not thread-safe: each {@link EdgeKryoSerializer} owns one, and {@link
 * EdgeCodec} keeps a pool.
 */
@Internal
public final class EdgeKryo {

    /**
     * Version of the byte format written by the serializers below. Bump it (and keep a read path
     * for the old one) whenever an id or a serializer's layout changes.
     */
    public static final int FORMAT_VERSION = 1;

    static final int FRAME_ID = 100;
    static final int EDGE_RECORD_ID = 101;
    static final int STAGE_TIMES_ID = 102;
    static final int GEO_POINT_ID = 103;
    static final int GROUND_TRUTH_ID = 104;
    static final int TRUTH_OBJECT_ID = 105;
    static final int CAMERA_POLICY_ID = 106;
    static final int OFFLOAD_ID = 107;

    private EdgeKryo() {}

    /**
     * A new Kryo with all flink-edge types registered, loading payload classes via the context
     * loader.
     */
    public static Kryo newKryo() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return newKryo(context != null ? context : EdgeKryo.class.getClassLoader());
    }

    /**
     * A new Kryo with all flink-edge types registered, loading payload classes from {@code loader}.
     */
    public static Kryo newKryo(ClassLoader loader) {
        Kryo kryo = new Kryo();
        kryo.setClassLoader(loader);
        kryo.setRegistrationRequired(false);
        kryo.setReferences(false);
        // Payloads without a no-arg constructor (records, value classes) are common.
        kryo.setInstantiatorStrategy(
                new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        ImmutableCollectionsSerializers.addDefaultSerializers(kryo);

        kryo.register(GeoPoint.class, new GeoPointKryoSerializer(), GEO_POINT_ID);
        kryo.register(StageTimes.class, new StageTimesKryoSerializer(), STAGE_TIMES_ID);
        kryo.register(
                GroundTruth.TruthObject.class, new TruthObjectKryoSerializer(), TRUTH_OBJECT_ID);
        kryo.register(GroundTruth.class, new GroundTruthKryoSerializer(), GROUND_TRUTH_ID);
        kryo.register(Frame.class, new FrameKryoSerializer(), FRAME_ID);
        kryo.register(EdgeRecord.class, new EdgeRecordKryoSerializer(), EDGE_RECORD_ID);
        kryo.register(CameraPolicy.Offload.class, new OffloadKryoSerializer(), OFFLOAD_ID);
        kryo.register(CameraPolicy.class, new CameraPolicyKryoSerializer(), CAMERA_POLICY_ID);
        return kryo;
    }

    /** Whether values of {@code type} never change after construction, so copies may share them. */
    static boolean isImmutable(Class<?> type) {
        return type == Frame.class
                || type == StageTimes.class
                || type == GeoPoint.class
                || type == GroundTruth.class
                || type == GroundTruth.TruthObject.class
                || type == CameraPolicy.class
                || type == CameraPolicy.Offload.class
                || type == String.class
                || type == Long.class
                || type == Integer.class
                || type == Double.class
                || type == Float.class
                || type == Short.class
                || type == Byte.class
                || type == Boolean.class
                || type == Character.class;
    }
}
