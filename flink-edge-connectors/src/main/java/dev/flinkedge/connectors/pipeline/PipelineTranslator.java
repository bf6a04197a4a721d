package dev.flinkedge.connectors.pipeline;

import dev.flinkedge.connectors.api.EdgeOperator;
import dev.flinkedge.connectors.api.EdgeStream;
import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.api.LeftUnionOperator;
import dev.flinkedge.connectors.api.MapOperator;
import dev.flinkedge.connectors.api.PlacementStrategy;
import dev.flinkedge.connectors.api.SharedChannel;
import dev.flinkedge.connectors.api.WindowOperator;
import dev.flinkedge.connectors.model.EdgeData;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.runtime.KeyOf;
import dev.flinkedge.connectors.runtime.LeftUnionFunction;
import dev.flinkedge.connectors.runtime.MapOperatorFunction;
import dev.flinkedge.connectors.runtime.WindowOperatorFunction;
import dev.flinkedge.connectors.sink.SharedStreamSink;
import dev.flinkedge.connectors.sink.internal.ProductionHeartbeatFactory;
import dev.flinkedge.connectors.source.shared.SharedStreamSource;
import dev.flinkedge.registry.model.SourceSpec;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.WindowSpec;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the nodes of an EdgeStreams plan into Flink operators, one copy per branch (site) the
 * {@link PlacementApplier} gives the node, each in its site's group; a node's operators are built
 * once, when it is first consumed, after the nodes it reads.
 *
 * <ul>
 *   <li>RAW: the job's {@code RawSourceFactory}, per site for the devices read there;
 *   <li>SHARED: a {@link SharedStreamSource} on the producer's tap;
 *   <li>COMPUTED: the operator ({@code op-<fingerprint>}) and its tap ({@code tap-<fingerprint>});
 *   <li>UNION and WINDOW: no operator, the parents' streams per site;
 *   <li>SINK: one Flink sink per site.
 * </ul>
 *
 * <p>A copy of a node at one of several sites carries {@code @site} in its names and uids.
 */
@Internal
final class PipelineTranslator {

    private static final Duration OUT_OF_ORDERNESS = Duration.ofMillis(200);

    private final EdgeStreams job;
    private final PlacementApplier placement;

    /** The Flink stream of each built node by site; one entry without placement. */
    private final Map<EdgeStream<?>, Map<String, DataStream<?>>> built = new IdentityHashMap<>();

    PipelineTranslator(EdgeStreams job, PlacementApplier placement) {
        this.job = job;
        this.placement = placement;
    }

    /** Whether {@code node} already became operators. */
    boolean isBuilt(EdgeStream<?> node) {
        return built.containsKey(node);
    }

    /**
     * Builds every COMPUTED node that is not built yet, so that each gets its tap even when the job
     * itself reads none of them.
     */
    void buildComputed() {
        for (EdgeStream<?> s : job.streams()) {
            if (s.kind() == EdgeStream.Kind.COMPUTED) {
                branches(s);
            }
        }
    }

    /** The Flink stream of a node: the union of its branches. */
    <T> DataStream<T> dataStream(EdgeStream<T> node) {
        return union(List.copyOf(branches(node).values()));
    }

    /** The Flink stream of each branch of {@code node} by site, building it on first use. */
    <T> Map<String, DataStream<T>> branches(EdgeStream<T> node) {
        if (!built.containsKey(node)) {
            built.put(node, materialize(node));
        }
        Map<String, DataStream<T>> streams = new LinkedHashMap<>();
        built.get(node).forEach((site, stream) -> streams.put(site, as(stream)));
        return streams;
    }

    /**
     * Turns a node into Flink operators, one copy per branch (site) of the placement, and returns
     * each copy's stream by site.
     */
    private <T> Map<String, DataStream<?>> materialize(EdgeStream<T> s) {
        Map<String, DataStream<?>> out = new LinkedHashMap<>();
        List<PlacementStrategy.Branch> branches = placement.branchesOf(s);
        boolean branched = branches.size() > 1;
        for (PlacementStrategy.Branch b : branches) {
            String site = b.site();
            DataStream<?> stream =
                    switch (s.kind()) {
                        case RAW -> placement.pinUpstream(readRaw(s, b), site, branched);
                        case SHARED -> placement.pinUpstream(readShared(s), site, branched);
                        case UNION ->
                                union(
                                        s.parents().stream()
                                                .map(
                                                        p ->
                                                                PipelineTranslator.<T>as(
                                                                        branches(p).get(site)))
                                                .toList());
                        case WINDOW -> branches(s.parents().get(0)).get(site);
                        case COMPUTED -> compute(s, s.operator(), site, branched);
                        case SINK -> throw new IllegalStateException("a sink is built by sinkTo");
                    };
            out.put(site, stream);
        }
        return out;
    }

    /**
     * A stream of the plan seen as records of type {@code T}. The plan checked the types when the
     * node was derived: an operator's input type, a union's parts, a raw stream's frames.
     */
    @SuppressWarnings("unchecked")
    private static <T> DataStream<T> as(DataStream<?> stream) {
        return (DataStream<T>) stream;
    }

    private DataStream<Frame> readRaw(EdgeStream<?> s, PlacementStrategy.Branch branch) {
        if (job.rawSources() == null) {
            throw new IllegalStateException(
                    "Raw stream "
                            + s.descriptor().ref()
                            + " is consumed but no RawSourceFactory was given; call"
                            + " withRawSources(..)");
        }
        StreamDescriptor d = s.descriptor();
        if (!placement.active()) {
            return job.rawSources().create(job.env(), d);
        }
        if (branch.devices().isEmpty()) {
            throw new IllegalStateException(
                    "the placement strategy put raw stream "
                            + d.ref()
                            + " at "
                            + branch.site()
                            + " without naming the devices read there");
        }
        return job.rawSources().create(job.env(), withDevices(d, branch.devices()));
    }

    /** The descriptor of a RAW stream reduced to some of its devices (those of one site). */
    private static StreamDescriptor withDevices(StreamDescriptor d, List<String> devices) {
        return new StreamDescriptor(
                d.owner(),
                d.name(),
                d.type(),
                d.window(),
                d.serializer(),
                d.payloadType(),
                d.guarantee(),
                d.lineage(),
                SourceSpec.devices(devices),
                d.durable(),
                d.partitions(),
                d.status(),
                d.producer(),
                d.topic(),
                d.fingerprint(),
                d.grants(),
                d.subscriptions(),
                d.createdAtMs(),
                d.updatedAtMs());
    }

    private <T> DataStream<T> readShared(EdgeStream<T> s) {
        SharedChannel channel = job.requireChannel("read " + s.descriptor().ref());
        StreamDescriptor d = s.descriptor();
        return job.env()
                .fromSource(
                        SharedStreamSource.forStream(d, job.owner(), s.type(), channel),
                        WatermarkStrategy.<T>forBoundedOutOfOrderness(OUT_OF_ORDERNESS),
                        "shared:" + d.ref(),
                        s.type())
                .uid("shared-" + d.fingerprint().substring(0, 16));
    }

    /** The one stream of {@code parts} that is present, or the union of those present. */
    static <T> DataStream<T> union(List<DataStream<T>> parts) {
        List<DataStream<T>> present = parts.stream().filter(Objects::nonNull).toList();
        if (present.size() == 1) {
            return present.get(0);
        }
        @SuppressWarnings("unchecked")
        DataStream<T>[] rest = present.subList(1, present.size()).toArray(DataStream[]::new);
        return present.get(0).union(rest);
    }

    /**
     * The input of a node's copy at {@code site}, one stream per parent: a record-at-a-time
     * operator reads the parents' branches at its own site (parents without one there are left
     * out); any other operator gathers every branch of each parent.
     */
    private List<DataStream<?>> inputsAt(EdgeStream<?> s, String site, boolean sameSite) {
        List<DataStream<?>> inputs = new ArrayList<>();
        for (EdgeStream<?> parent : s.parents()) {
            Map<String, ? extends DataStream<?>> branches = branches(parent);
            if (!sameSite) {
                inputs.add(
                        union(
                                branches.values().stream()
                                        .map(PipelineTranslator::<Object>as)
                                        .toList()));
            } else if (branches.containsKey(site)) {
                inputs.add(branches.get(site));
            }
        }
        if (inputs.isEmpty()) {
            throw new IllegalStateException(
                    "the placement strategy put "
                            + s
                            + " at "
                            + site
                            + ", where none of its inputs is; a record-at-a-time operator runs where its"
                            + " inputs are");
        }
        return inputs;
    }

    /** A COMPUTED node's copy at {@code site}: its operator and the tap others read it from. */
    private <O> DataStream<O> compute(
            EdgeStream<?> s, EdgeOperator<?, O> op, String site, boolean branched) {
        List<DataStream<?>> inputs = inputsAt(s, site, op instanceof MapOperator);
        String at = branched ? "@" + site : "";
        String uid = s.descriptor().fingerprint().substring(0, 16) + at;
        if (op instanceof LeftUnionOperator<?> lu) {
            return as(
                    tap(
                            s,
                            site,
                            at,
                            uid,
                            leftUnion(lu, as(inputs.get(0)), as(inputs.get(1)))
                                    .name(op.name() + at)
                                    .uid("op-" + uid)));
        }
        SingleOutputStreamOperator<O> out;
        if (op instanceof MapOperator<?, O> map) {
            out = map(map, inputs);
        } else {
            out = window((WindowOperator<?, O>) op, inputs, s.parents().get(0).windowSpec());
        }
        return tap(s, site, at, uid, out.name(op.name() + at).uid("op-" + uid));
    }

    private static <R extends EdgeRecord<?>> SingleOutputStreamOperator<R> leftUnion(
            LeftUnionOperator<R> op, DataStream<EdgeData> areas, DataStream<R> records) {
        return records.connect(areas.broadcast(LeftUnionFunction.AREAS))
                .process(new LeftUnionFunction<>(op.rule()), op.outputType());
    }

    private static <I, O> SingleOutputStreamOperator<O> map(
            MapOperator<I, O> op, List<DataStream<?>> inputs) {
        return union(inputs.stream().map(PipelineTranslator::<I>as).toList())
                .flatMap(new MapOperatorFunction<>(op), op.outputType());
    }

    private static <I extends EdgeData, O> SingleOutputStreamOperator<O> window(
            WindowOperator<I, O> op, List<DataStream<?>> inputs, WindowSpec w) {
        WindowAssigner<Object, TimeWindow> windows =
                w.type() == WindowSpec.Type.FIXED
                        ? TumblingEventTimeWindows.of(Duration.ofMillis(w.sizeMs()))
                        : SlidingEventTimeWindows.of(
                                Duration.ofMillis(w.sizeMs()), Duration.ofMillis(w.slideMs()));
        return union(inputs.stream().map(PipelineTranslator::<I>as).toList())
                .keyBy(new KeyOf<>())
                .window(windows)
                .process(new WindowOperatorFunction<>(op), op.outputType());
    }

    /** Adds the tap of a COMPUTED node's operator and puts both into the site's group. */
    private <O> SingleOutputStreamOperator<O> tap(
            EdgeStream<?> s,
            String site,
            String at,
            String uid,
            SingleOutputStreamOperator<O> out) {
        StreamDescriptor d = s.descriptor();
        SingleOutputStreamOperator<O> heartbeat =
                out.transform(
                                "lease:" + d.ref() + at,
                                out.getType(),
                                new ProductionHeartbeatFactory<O>(d.ref(), job.channel()))
                        .uid("lease-" + uid);
        DataStreamSink<O> tap =
                heartbeat
                        .sinkTo(SharedStreamSink.forStream(d, out.getType(), job.channel()))
                        .name("tap:" + d.ref() + at)
                        .uid("tap-" + uid);
        placement.assign(out, site);
        placement.assign(heartbeat, site);
        placement.assign(tap, site);
        return out;
    }

    /** Builds a SINK node: one Flink sink per site of its placement. */
    <T> List<DataStreamSink<T>> sink(EdgeStream<T> node) {
        EdgeStream<?> input = node.parents().get(0);
        Map<String, DataStream<T>> in = new LinkedHashMap<>();
        branches(input).forEach((site, stream) -> in.put(site, as(stream)));
        List<DataStreamSink<T>> sinks = new ArrayList<>();
        List<PlacementStrategy.Branch> branches = placement.branchesOf(node);
        DataStream<T> all = null;
        for (PlacementStrategy.Branch b : branches) {
            DataStream<T> stream;
            if (in.containsKey(b.site()) && node.targetSite() == null) {
                stream = in.get(b.site());
            } else {
                // One union of the input's branches serves every sink copy that needs it.
                all = all != null ? all : union(List.copyOf(in.values()));
                stream = all;
            }
            DataStreamSink<T> sink = stream.sinkTo(node.sink());
            placement.assign(sink, b.site());
            if (branches.size() > 1) {
                sink.name(sink.getTransformation().getName() + "@" + b.site());
            }
            sinks.add(sink);
        }
        return sinks;
    }
}
