package dev.flinkedge.connectors.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;

import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.util.Preconditions;

/**
 * Turns flink-edge values into bytes and back with the same Kryo setup as {@link
 * EdgeKryoSerializer}; the shared-stream Kafka channel stores records this way. Each byte array
 * starts with the {@link EdgeKryo#FORMAT_VERSION} it was written with, so a reader rejects data it
 * cannot understand instead of misreading it. Thread-safe: Kryo instances come from a pool.
 *
 * <pre>{@code
 * EdgeCodec<Frame> codec = EdgeCodec.of(Frame.class);
 * byte[] bytes = codec.encode(frame);
 * Frame back = codec.decode(bytes);
 * }</pre>
 *
 * @param <T> the encoded type
 */
@PublicEvolving
public final class EdgeCodec<T> {

    private static final int POOL_SIZE = 16;
    private static final int INITIAL_BUFFER = 4096;

    private final Class<T> type;
    private final Pool<Kryo> kryos;
    private final Pool<Output> outputs;

    private EdgeCodec(Class<T> type) {
        this.type = Preconditions.checkNotNull(type, "type");
        ClassLoader loader = contextLoader();
        this.kryos =
                new Pool<>(true, false, POOL_SIZE) {
                    @Override
                    protected Kryo create() {
                        return EdgeKryo.newKryo(loader);
                    }
                };
        this.outputs =
                new Pool<>(true, false, POOL_SIZE) {
                    @Override
                    protected Output create() {
                        return new Output(INITIAL_BUFFER, -1);
                    }
                };
    }

    /** A codec for values of exactly {@code type}. */
    public static <T> EdgeCodec<T> of(Class<T> type) {
        return new EdgeCodec<>(type);
    }

    /** A codec for frames. */
    public static EdgeCodec<Frame> frames() {
        return of(Frame.class);
    }

    /** A codec for edge records with any payload. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <P> EdgeCodec<EdgeRecord<P>> edgeRecords() {
        return (EdgeCodec) of(EdgeRecord.class);
    }

    /** The bytes of {@code value}: the format version, then the Kryo encoding. */
    public byte[] encode(T value) {
        Preconditions.checkNotNull(value, "value");
        Kryo kryo = kryos.obtain();
        Output output = outputs.obtain();
        try {
            output.reset();
            output.writeByte(EdgeKryo.FORMAT_VERSION);
            kryo.writeObject(output, value);
            return output.toBytes();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "Cannot encode " + value.getClass().getName() + ": " + EdgeKryo.writeError(e),
                    e);
        } finally {
            outputs.free(output);
            kryos.free(kryo);
        }
    }

    /**
     * Reads a value written by {@link #encode}.
     *
     * @throws IllegalArgumentException if the bytes are empty, of another format version, do not
     *     hold a {@code T}, name a class outside the allow-list of {@link EdgeKryo}, or hold a
     *     length above the caps of {@link DecodeLimits}
     */
    public T decode(byte[] bytes) {
        Preconditions.checkNotNull(bytes, "bytes");
        if (bytes.length == 0) {
            throw new IllegalArgumentException(
                    "Cannot decode " + type.getSimpleName() + " from an empty byte array");
        }
        if (!EdgeKryo.readsFormat(type, bytes[0])) {
            throw new IllegalArgumentException(
                    "Data was written in flink-edge Kryo format "
                            + bytes[0]
                            + " but this reader"
                            + " understands format "
                            + EdgeKryo.FORMAT_VERSION
                            + "; upgrade the reading job or re-encode the data");
        }
        Kryo kryo = kryos.obtain();
        try {
            return kryo.readObject(new CappedInput(bytes, 1, bytes.length - 1), type);
        } catch (RuntimeException e) {
            // Kryo's own errors, a cap, or a payload constructor refusing the values read.
            throw new IllegalArgumentException(
                    "Cannot decode "
                            + type.getSimpleName()
                            + " from "
                            + bytes.length
                            + " bytes: "
                            + e.getMessage(),
                    e);
        } finally {
            kryos.free(kryo);
        }
    }

    private static ClassLoader contextLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : EdgeCodec.class.getClassLoader();
    }
}
