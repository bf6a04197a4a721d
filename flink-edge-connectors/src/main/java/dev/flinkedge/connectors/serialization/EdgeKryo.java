package dev.flinkedge.connectors.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.util.DefaultClassResolver;

import dev.flinkedge.connectors.api.OperatorCatalog;
import dev.flinkedge.connectors.api.PayloadType;
import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.model.GroundTruth;
import dev.flinkedge.connectors.model.StageTimes;

import org.apache.flink.annotation.Internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place where Kryo instances for flink-edge are made. Registration is required: the bytes
 * name classes only by fixed ids, and a reader knows exactly these classes:
 *
 * <ul>
 *   <li>flink-edge's model types, each with a hand-written serializer (ids 100-199);
 *   <li>JDK basics payloads need: boxed primitives and strings (Kryo's ids 0-8), primitive arrays
 *       and the JDK's lists, sets and maps (ids 20-49);
 *   <li>the payload types the operator catalogue on the class path declares ({@link
 *       dev.flinkedge.connectors.api.EdgeOperatorFactory#payloadTypes()}, ids from {@link
 *       PayloadType#MIN_ID}).
 * </ul>
 *
 * Nothing else is ever instantiated from bytes: an unknown id or a class name is refused, and
 * classes are created through their serializers or no-arg constructors, never by bypassing
 * constructors. Lengths read are capped by {@link DecodeLimits}.
 *
 * <p>Kryo instances are not thread-safe: each {@link EdgeKryoSerializer} owns one, and {@link
 * EdgeCodec} keeps a pool.
 */
@Internal
public final class EdgeKryo {

    /**
     * Version of the byte format written by the serializers below. Bump it (and keep a read path
     * for the old one) whenever an id or a serializer's layout changes. Version 2 names payload
     * classes by registered id only; version 1 wrote unregistered payload classes by name.
     */
    public static final int FORMAT_VERSION = 2;

    static final int FRAME_ID = 100;
    static final int EDGE_RECORD_ID = 101;
    static final int STAGE_TIMES_ID = 102;
    static final int GEO_POINT_ID = 103;
    static final int GROUND_TRUTH_ID = 104;
    static final int TRUTH_OBJECT_ID = 105;
    static final int CAMERA_POLICY_ID = 106;
    static final int OFFLOAD_ID = 107;

    /** Deep enough for any payload flink-edge knows; stops a forged deep nesting early. */
    private static final int MAX_DEPTH = 64;

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
     * A new Kryo with flink-edge's types, the JDK basics and the payload types declared by the
     * operator catalogue in {@code loader} registered, and nothing else.
     *
     * @throws IllegalStateException if the catalogue's declarations conflict
     */
    public static Kryo newKryo(ClassLoader loader) {
        Kryo kryo = new Kryo(new IdsOnlyClassResolver(), null);
        kryo.setClassLoader(loader);
        kryo.setRegistrationRequired(true);
        kryo.setReferences(false);
        kryo.setMaxDepth(MAX_DEPTH);

        registerJdkBasics(kryo);
        kryo.register(GeoPoint.class, new GeoPointKryoSerializer(), GEO_POINT_ID);
        kryo.register(StageTimes.class, new StageTimesKryoSerializer(), STAGE_TIMES_ID);
        kryo.register(
                GroundTruth.TruthObject.class, new TruthObjectKryoSerializer(), TRUTH_OBJECT_ID);
        kryo.register(GroundTruth.class, new GroundTruthKryoSerializer(), GROUND_TRUTH_ID);
        kryo.register(Frame.class, new FrameKryoSerializer(), FRAME_ID);
        kryo.register(EdgeRecord.class, new EdgeRecordKryoSerializer(), EDGE_RECORD_ID);
        kryo.register(CameraPolicy.Offload.class, new OffloadKryoSerializer(), OFFLOAD_ID);
        kryo.register(CameraPolicy.class, new CameraPolicyKryoSerializer(), CAMERA_POLICY_ID);

        OperatorCatalog.fromServiceLoader(loader)
                .payloadTypes()
                .forEach((id, type) -> kryo.register(type, id));
        return kryo;
    }

    /**
     * The JDK classes payloads commonly hold, at fixed ids. Kryo itself registers the primitives,
     * their boxes and {@code String} at ids 0-8.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void registerJdkBasics(Kryo kryo) {
        kryo.register(byte[].class, 20);
        kryo.register(int[].class, 21);
        kryo.register(long[].class, 22);
        kryo.register(float[].class, 23);
        kryo.register(double[].class, 24);
        kryo.register(short[].class, 25);
        kryo.register(char[].class, 26);
        kryo.register(boolean[].class, 27);

        kryo.register(ArrayList.class, new CappedCollectionSerializers.Capped(), 30);
        kryo.register(LinkedList.class, new CappedCollectionSerializers.Capped(), 31);
        kryo.register(HashSet.class, new CappedCollectionSerializers.Capped(), 32);
        kryo.register(LinkedHashSet.class, new CappedCollectionSerializers.Capped(), 33);
        kryo.register(HashMap.class, new CappedCollectionSerializers.CappedMap(), 34);
        kryo.register(LinkedHashMap.class, new CappedCollectionSerializers.CappedMap(), 35);
        // The JDK's immutable collections: List.of() and List.of(a, b, c) are of one class,
        // List.of(a) and List.of(a, b) of another; likewise for sets and maps.
        CappedCollectionSerializers.ImmutableCollection lists =
                new CappedCollectionSerializers.ImmutableCollection(List::copyOf);
        CappedCollectionSerializers.ImmutableCollection sets =
                new CappedCollectionSerializers.ImmutableCollection(Set::copyOf);
        CappedCollectionSerializers.ImmutableMap maps =
                new CappedCollectionSerializers.ImmutableMap();
        kryo.register(List.of().getClass(), lists, 36);
        kryo.register(List.of(1).getClass(), lists, 37);
        kryo.register(Set.of().getClass(), sets, 38);
        kryo.register(Set.of(1).getClass(), sets, 39);
        kryo.register(Map.of().getClass(), maps, 40);
        kryo.register(Map.of(1, 1).getClass(), maps, 41);
    }

    /**
     * Resolves classes by registered id only. Kryo's default resolver also accepts a class name and
     * loads whatever class it names; that is how a forged record would smuggle in a class.
     */
    private static final class IdsOnlyClassResolver extends DefaultClassResolver {
        @Override
        protected Registration readName(Input input) {
            throw new KryoException(
                    "The data names a class; class names are not accepted, only the ids of"
                            + " flink-edge's types and of the payload types the operator catalogue"
                            + " declares. The data is forged, or was written by a flink-edge"
                            + " version before format "
                            + FORMAT_VERSION);
        }
    }

    /**
     * The message of an error writing a value, with how to fix a payload class that is not in the
     * allow-list.
     */
    static String writeError(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        if (!message.startsWith("Class is not registered")) {
            return message;
        }
        return message.lines().findFirst().orElse(message)
                + ". flink-edge writes only its own types, JDK basics and the payload types its"
                + " operator catalogue declares: return a PayloadType for the class (and for the"
                + " classes it holds) from payloadTypes() of an EdgeOperatorFactory listed in"
                + " META-INF/services/dev.flinkedge.connectors.api.EdgeOperatorFactory (see"
                + " docs/programming-model.md, 'Payload types')";
    }

    /**
     * Whether data of {@code type} written in {@code formatVersion} can be read by this version.
     * Format 2 changed only how payload classes are named, so flink-edge's fixed-layout types
     * ({@link Frame}, {@link CameraPolicy}, …) written in format 1 read the same; an {@link
     * EdgeRecord} of format 1 may name its payload class and cannot be read.
     */
    static boolean readsFormat(Class<?> type, int formatVersion) {
        return formatVersion == FORMAT_VERSION
                || (formatVersion == 1 && type != EdgeRecord.class && isRegisteredModelType(type));
    }

    private static boolean isRegisteredModelType(Class<?> type) {
        return type == Frame.class
                || type == StageTimes.class
                || type == GeoPoint.class
                || type == GroundTruth.class
                || type == GroundTruth.TruthObject.class
                || type == CameraPolicy.class
                || type == CameraPolicy.Offload.class;
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
