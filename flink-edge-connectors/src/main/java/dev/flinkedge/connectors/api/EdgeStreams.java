package dev.flinkedge.connectors.api;

import dev.flinkedge.connectors.model.EdgeData;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.model.Lineage;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.model.WindowSpec;

import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The entry point of a flink-edge job: names the streams a job reads and derives, and decides — in
 * {@link #derive}, through {@link ReusePlanner} — whether each derived stream is computed here or
 * read from a job that already computes it.
 *
 * <pre>{@code
 * EdgeStreams es = EdgeStreams.on(env, registryClient, "city-a")
 *         .withChannel(channel).withRawSources(cameras);
 * EdgeStream<Frame> video = es.importStream("VideoStream");
 * EdgeStream<EdgeRecord<Vehicle>> cars = es.derive("VehicleStream", Detect.op(), video);
 * es.derive("PlateStream", Recognise.op(), cars).sinkTo(results);
 * es.execute("x+a");
 * }</pre>
 *
 * <p>It only plans: the nodes become Flink operators through the {@link PipelineBuilder} that
 * {@link PipelineBuilderFactory} provides.
 */
@PublicEvolving
public final class EdgeStreams {

    private final StreamExecutionEnvironment env;
    private final StreamRegistry registry;
    private final String owner;
    private final ReusePlanner planner;
    private final List<EdgeStream<?>> streams = new ArrayList<>();
    private SharedChannel channel;
    private RawSourceFactory rawSources;
    private StreamSpecOptions options = StreamSpecOptions.DEFAULT;
    private String site;
    private PlacementStrategy placement;
    private PipelineBuilder pipeline;

    private EdgeStreams(StreamExecutionEnvironment env, StreamRegistry registry, String owner) {
        this.env = Objects.requireNonNull(env, "env");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.planner = new ReusePlanner(registry, owner);
    }

    /**
     * Starts a job plan for {@code owner}, whose token {@code registry} uses.
     *
     * @param env the job's environment
     * @param registry the registry, acting as {@code owner}
     * @param owner the job's owner
     */
    public static EdgeStreams on(
            StreamExecutionEnvironment env, StreamRegistry registry, String owner) {
        return new EdgeStreams(env, registry, owner);
    }

    /** Kafka and registry coordinates for taps and shared sources. Required to derive. */
    public EdgeStreams withChannel(SharedChannel channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
        return this;
    }

    /** How RAW streams become frames. Required to import RAW streams that are consumed. */
    public EdgeStreams withRawSources(RawSourceFactory rawSources) {
        this.rawSources = Objects.requireNonNull(rawSources, "rawSources");
        return this;
    }

    /** Sharing options for streams derived from now on. */
    public EdgeStreams withStreamOptions(StreamSpecOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        return this;
    }

    /**
     * The site recorded as producer location of the streams this job computes. With a {@link
     * PlacementStrategy}, a stream computed at one site records that site instead.
     */
    public EdgeStreams atSite(String site) {
        this.site = site;
        return this;
    }

    /**
     * Runs the job's operators where {@code strategy} places them: each node is built once per site
     * the strategy names, and every operator — sources, operators, taps, sinks — joins the slot
     * sharing group of its site. The copies of a node at several sites carry {@code @site} in their
     * names and uids. Set it before any stream is consumed.
     *
     * @throws IllegalStateException when operators were already built
     */
    public EdgeStreams withPlacement(PlacementStrategy strategy) {
        Objects.requireNonNull(strategy, "strategy");
        List<EdgeStream<?>> built =
                streams.stream()
                        .filter(
                                s ->
                                        s.kind() == EdgeStream.Kind.SINK
                                                || pipeline != null && pipeline.isBuilt(s))
                        .toList();
        if (!built.isEmpty()) {
            throw new IllegalStateException(
                    "withPlacement(..) comes too late: "
                            + built
                            + " already became operators; set the placement before sinkTo(..) or"
                            + " dataStream()");
        }
        this.placement = strategy;
        return this;
    }

    public StreamExecutionEnvironment env() {
        return env;
    }

    public String owner() {
        return owner;
    }

    /** Every node of the plan, in creation order (the placement planner walks it). */
    public List<EdgeStream<?>> streams() {
        return List.copyOf(streams);
    }

    /** Streams this job reads from other jobs' taps. */
    public List<StreamRef> reusedStreams() {
        return streams.stream()
                .filter(EdgeStream::isShared)
                .map(s -> s.descriptor().ref())
                .toList();
    }

    /** Streams this job computes and taps. */
    public List<StreamDescriptor> producedStreams() {
        return streams.stream()
                .filter(s -> s.kind() == EdgeStream.Kind.COMPUTED)
                .map(EdgeStream::descriptor)
                .toList();
    }

    /** Imports a RAW stream (own name, or {@code owner/name} with a grant) as frames. */
    public EdgeStream<Frame> importStream(String nameOrRef) {
        return importStream(nameOrRef, TypeInformation.of(Frame.class));
    }

    /**
     * Imports a registered stream: a RAW stream becomes frames of its devices; a DERIVED stream is
     * read from its producer's tap.
     */
    public <T> EdgeStream<T> importStream(String nameOrRef, TypeInformation<T> type) {
        StreamRef ref =
                nameOrRef.contains("/")
                        ? StreamRef.parse(nameOrRef)
                        : new StreamRef(owner, nameOrRef);
        StreamDescriptor d = registry.describe(ref);
        EdgeStream.Kind kind =
                d.type() == StreamType.DERIVED ? EdgeStream.Kind.SHARED : EdgeStream.Kind.RAW;
        return add(new EdgeStream<>(this, kind, type, d.window(), List.of(), null, d));
    }

    /**
     * Reads the ACTIVE stream with lineage fingerprint {@code fingerprint} that the caller may read
     * (its own first), from its producer's tap.
     *
     * @throws dev.flinkedge.registry.errors.NotFoundException if no such stream is readable
     */
    public <T> EdgeStream<T> importFingerprint(String fingerprint, TypeInformation<T> type) {
        StreamDescriptor d = registry.resolve(fingerprint).get(0);
        return add(
                new EdgeStream<>(
                        this, EdgeStream.Kind.SHARED, type, d.window(), List.of(), null, d));
    }

    /**
     * Derives stream {@code name} by applying {@code operator} to {@code parents} — or, if a
     * readable job already produces exactly this computation, reads that job's stream instead.
     */
    @SafeVarargs
    public final <I, O> EdgeStream<O> derive(
            String name, EdgeOperator<I, O> operator, EdgeStream<? extends I>... parents) {
        if (parents.length == 0) {
            throw new IllegalArgumentException("derive('" + name + "') needs at least one parent");
        }
        List<EdgeStream<?>> ps = Arrays.asList(parents);
        WindowSpec window = ps.get(0).windowSpec();
        for (EdgeStream<?> p : ps) {
            if (!p.windowSpec().equals(window)) {
                throw new IllegalArgumentException(
                        "Parents of '"
                                + name
                                + "' have different"
                                + " windows ("
                                + window
                                + " vs "
                                + p.windowSpec()
                                + "); window them alike");
            }
        }
        if ((operator instanceof WindowOperator) != (window.type() != WindowSpec.Type.NONE)) {
            throw new IllegalArgumentException(
                    operator instanceof WindowOperator
                            ? "Window operator '"
                                    + operator.name()
                                    + "' needs a windowed input; call"
                                    + " fixedWindow(..) or slidingWindow(..) on its parent"
                            : "Operator '"
                                    + operator.name()
                                    + "' is record-at-a-time but its input is"
                                    + " windowed; use a WindowOperator");
        }
        requireChannel("derive '" + name + "'");
        List<String> parentFps = new ArrayList<>();
        ps.forEach(p -> parentFps.addAll(p.lineageFingerprints()));
        Lineage lineage = new Lineage(operator.ref(), parentFps);
        ReusePlanner.Decision decision =
                planner.decide(name, lineage, window, operator.outputType().toString(), options);
        if (decision.reuse()) {
            return add(
                    new EdgeStream<>(
                            this,
                            EdgeStream.Kind.SHARED,
                            operator.outputType(),
                            WindowSpec.none(),
                            ps,
                            null,
                            decision.stream()));
        }
        return add(
                new EdgeStream<>(
                        this,
                        EdgeStream.Kind.COMPUTED,
                        operator.outputType(),
                        WindowSpec.none(),
                        ps,
                        operator,
                        decision.stream()));
    }

    /**
     * Rebuilds an existing derived stream of this owner from its lineage recipe, to produce it
     * under its registered name: the host job of an orphaned stream. Parents are read from their
     * producers' taps, or from devices for RAW parents; the operator comes from {@code catalog}.
     */
    public EdgeStream<?> recompute(StreamDescriptor stream, OperatorCatalog catalog) {
        if (stream.type() != StreamType.DERIVED || !stream.owner().equals(owner)) {
            throw new IllegalArgumentException(
                    "Only a DERIVED stream of '"
                            + owner
                            + "' can be recomputed here, not "
                            + stream.ref()
                            + " ("
                            + stream.type()
                            + ")");
        }
        requireChannel("recompute " + stream.ref());
        EdgeOperator<?, ?> op =
                LeftUnionOperator.NAME.equals(stream.lineage().operator().name())
                        ? null
                        : catalog.create(stream.lineage().operator());
        List<EdgeStream<?>> parents = new ArrayList<>();
        for (String fp : stream.lineage().parents()) {
            EdgeStream<?> p = importByFingerprint(fp, catalog);
            parents.add(
                    stream.window().type() == WindowSpec.Type.NONE ? p : p.window(stream.window()));
        }
        if (op == null) {
            op = leftUnionOf(stream, parents.get(1).type());
        }
        return add(computed(op, parents, stream));
    }

    /**
     * The LeftUnion of a recipe. Its right input holds EdgeRecords: {@link #leftUnion} accepted
     * nothing else when the stream was first derived.
     */
    @SuppressWarnings("unchecked")
    private static <T extends EdgeRecord<?>> LeftUnionOperator<T> leftUnionOf(
            StreamDescriptor stream, TypeInformation<?> right) {
        return new LeftUnionOperator<>(
                LeftUnionOperator.ruleOf(stream.lineage().operator().params()),
                (TypeInformation<T>) right);
    }

    private <O> EdgeStream<O> computed(
            EdgeOperator<?, O> op, List<EdgeStream<?>> parents, StreamDescriptor stream) {
        return new EdgeStream<>(
                this,
                EdgeStream.Kind.COMPUTED,
                op.outputType(),
                WindowSpec.none(),
                parents,
                op,
                stream);
    }

    private EdgeStream<?> importByFingerprint(String fp, OperatorCatalog catalog) {
        try {
            StreamDescriptor producer = registry.resolve(fp).get(0);
            return importStream(
                    producer.ref().toString(),
                    catalog.create(producer.lineage().operator()).outputType());
        } catch (dev.flinkedge.registry.errors.NotFoundException notActive) {
            StreamDescriptor raw =
                    registry.list(null, null).stream()
                            .filter(
                                    d ->
                                            d.fingerprint().equals(fp)
                                                    && d.type() != StreamType.DERIVED)
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new IllegalStateException(
                                                    "Parent "
                                                            + fp
                                                            + " is neither"
                                                            + " produced by a running job nor a raw stream readable by '"
                                                            + owner
                                                            + "'; start its producer first"));
            return importStream(raw.ref().toString());
        }
    }

    /**
     * {@code LeftUnion(areas, stream)}: regroups {@code stream} by area — every record joins the
     * group (key) of each {@code areas} record within {@code rule}'s radius. Like {@link #derive},
     * an identical grouping already produced by a readable job is reused.
     *
     * @param name name of the grouped stream
     * @param rule radius in metres and, optionally, the area keys to use
     * @param areas records whose key and location define the areas (static areas, or moving ones
     *     such as vehicles)
     * @param stream the records to group
     */
    public <A extends EdgeData, T extends EdgeRecord<?>> EdgeStream<T> leftUnion(
            String name, AreaRule rule, EdgeStream<A> areas, EdgeStream<T> stream) {
        LeftUnionOperator<T> op = new LeftUnionOperator<>(rule, stream.type());
        requireChannel("leftUnion '" + name + "'");
        List<String> parentFps = new ArrayList<>(areas.lineageFingerprints());
        parentFps.addAll(stream.lineageFingerprints());
        ReusePlanner.Decision decision =
                planner.decide(
                        name,
                        new Lineage(op.ref(), parentFps),
                        WindowSpec.none(),
                        stream.type().toString(),
                        options);
        return add(
                new EdgeStream<>(
                        this,
                        decision.reuse() ? EdgeStream.Kind.SHARED : EdgeStream.Kind.COMPUTED,
                        stream.type(),
                        WindowSpec.none(),
                        List.of(areas, stream),
                        decision.reuse() ? null : op,
                        decision.stream()));
    }

    /** Restructure: one stream of all records of {@code parts}; no data moves. */
    @SafeVarargs
    public final <T> EdgeStream<T> union(EdgeStream<T>... parts) {
        if (parts.length < 2) {
            throw new IllegalArgumentException("union needs at least two streams");
        }
        return add(
                new EdgeStream<>(
                        this,
                        EdgeStream.Kind.UNION,
                        parts[0].type(),
                        WindowSpec.none(),
                        Arrays.asList(parts),
                        null,
                        null));
    }

    <T> EdgeStream<T> add(EdgeStream<T> s) {
        streams.add(s);
        return s;
    }

    /** Adds a SINK node and builds it: one Flink sink per site of its placement. */
    <T> List<DataStreamSink<T>> sink(EdgeStream<T> node) {
        add(node);
        return pipeline().sink(node);
    }

    /** The builder of this job's operators, created when the first node is consumed. */
    PipelineBuilder pipeline() {
        if (pipeline == null) {
            pipeline = PipelineBuilderFactory.load().create(this);
        }
        return pipeline;
    }

    /**
     * The channel, for {@code what} needs it.
     *
     * @throws IllegalStateException when none was given
     */
    @Internal
    public SharedChannel requireChannel(String what) {
        if (channel == null) {
            throw new IllegalStateException(
                    "Cannot " + what + " without a SharedChannel; call" + " withChannel(..)");
        }
        return channel;
    }

    /** The registry, acting as {@link #owner()}. */
    @Internal
    public StreamRegistry registry() {
        return registry;
    }

    /** The channel given by {@link #withChannel}, or null. */
    @Internal
    public SharedChannel channel() {
        return channel;
    }

    /** The factory given by {@link #withRawSources}, or null. */
    @Internal
    public RawSourceFactory rawSources() {
        return rawSources;
    }

    /** The strategy given by {@link #withPlacement}, or null when Flink places the operators. */
    @Internal
    public PlacementStrategy placement() {
        return placement;
    }

    /** The site given by {@link #atSite}, or null. */
    @Internal
    public String site() {
        return site;
    }

    /**
     * Builds every computed stream (so each gets its tap) and returns the stream graph.
     *
     * @throws IllegalStateException with a placement strategy, when an operator has no site or the
     *     strategy's check fails
     */
    public StreamGraph streamGraph(String jobName) {
        return pipeline().streamGraph(jobName);
    }

    /**
     * Submits the job without waiting for it; once submitted, the streams it computes are marked
     * ACTIVE with this job as producer, which makes them reusable by other jobs.
     */
    public JobClient execute(String jobName) throws Exception {
        return pipeline().execute(jobName);
    }
}
