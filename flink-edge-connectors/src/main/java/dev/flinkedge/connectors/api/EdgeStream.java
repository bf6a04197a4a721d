package dev.flinkedge.connectors.api;

import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.WindowSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;

/**
 * A stream in an EdgeStreams job: a node of the job's logical plan that becomes Flink operators
 * only when something consumes it. Laziness is what lets reuse remove work: a job that reuses a
 * shared stream never builds the operators (or even the camera source) upstream of it.
 *
 * @param <T> record type
 */
public final class EdgeStream<T> {

    /** How the stream comes about. */
    public enum Kind {
        /** Frames of a RAW stream's devices. */
        RAW,
        /** Read from another job's tap. */
        SHARED,
        /** Computed here by an operator; tapped so that others can share it. */
        COMPUTED,
        /** Restructure: the union of streams of one type. */
        UNION,
        /** Restructure: the parent with a window attached for the next operator. */
        WINDOW
    }

    private final EdgeStreams plan;
    private final Kind kind;
    private final TypeInformation<T> type;
    private final WindowSpec window;
    private final List<EdgeStream<?>> parents;
    private final EdgeOperator<?, T> operator;
    private final StreamDescriptor descriptor;
    private DataStream<T> materialized;

    EdgeStream(EdgeStreams plan, Kind kind, TypeInformation<T> type, WindowSpec window,
            List<EdgeStream<?>> parents, EdgeOperator<?, T> operator,
            StreamDescriptor descriptor) {
        this.plan = plan;
        this.kind = kind;
        this.type = Objects.requireNonNull(type, "type");
        this.window = window == null ? WindowSpec.none() : window;
        this.parents = List.copyOf(parents);
        this.operator = operator;
        this.descriptor = descriptor;
    }

    public Kind kind() {
        return kind;
    }

    public TypeInformation<T> type() {
        return type;
    }

    /** The window the next operator applies. */
    public WindowSpec windowSpec() {
        return window;
    }

    /** The registered stream behind RAW, SHARED and COMPUTED nodes; null for restructures. */
    public StreamDescriptor descriptor() {
        return descriptor;
    }

    /** The operator of a COMPUTED node, else null. */
    public EdgeOperator<?, T> operator() {
        return operator;
    }

    public List<EdgeStream<?>> parents() {
        return parents;
    }

    /** Whether this job reads the stream from another job instead of computing it. */
    public boolean isShared() {
        return kind == Kind.SHARED;
    }

    /** Fingerprints this stream contributes to a child's lineage, in order. */
    List<String> lineageFingerprints() {
        return switch (kind) {
            case RAW, SHARED, COMPUTED -> List.of(descriptor.fingerprint());
            case WINDOW -> parents.get(0).lineageFingerprints();
            case UNION -> {
                List<String> out = new ArrayList<>();
                parents.forEach(p -> out.addAll(p.lineageFingerprints()));
                yield out;
            }
        };
    }

    /** Restructure: fixed (tumbling) windows of {@code size} for the next operator. */
    public EdgeStream<T> fixedWindow(Duration size) {
        return window(WindowSpec.fixed(size));
    }

    /** Restructure: sliding windows for the next operator. */
    public EdgeStream<T> slidingWindow(Duration size, Duration slide) {
        return window(WindowSpec.sliding(size, slide));
    }

    /** Restructure: attaches {@code spec}; no data moves. */
    public EdgeStream<T> window(WindowSpec spec) {
        return plan.add(new EdgeStream<>(plan, Kind.WINDOW, type, spec, List.of(this), null,
                null));
    }

    /** Writes the stream to {@code sink}. */
    public DataStreamSink<T> sinkTo(Sink<T> sink) {
        return dataStream().sinkTo(sink);
    }

    /** The Flink stream, building the operators on first use. */
    public DataStream<T> dataStream() {
        if (materialized == null) {
            materialized = plan.materialize(this);
        }
        return materialized;
    }

    boolean isMaterialized() {
        return materialized != null;
    }

    @Override
    public String toString() {
        return kind + (descriptor == null ? "" : " " + descriptor.ref())
                + (operator == null ? "" : " " + operator.ref());
    }
}
