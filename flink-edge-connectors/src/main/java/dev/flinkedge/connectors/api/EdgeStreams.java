package dev.flinkedge.connectors.api;

import dev.flinkedge.connectors.model.EdgeData;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.runtime.KeyOf;
import dev.flinkedge.connectors.runtime.LeftUnionFunction;
import dev.flinkedge.connectors.runtime.MapOperatorFunction;
import dev.flinkedge.connectors.runtime.StreamTopics;
import dev.flinkedge.connectors.runtime.WindowOperatorFunction;
import dev.flinkedge.connectors.sink.SharedStreamSink;
import dev.flinkedge.connectors.source.shared.SharedStreamSource;
import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.model.Lineage;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.SourceSpec;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.model.WindowSpec;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.operators.SlotSharingGroup;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.clusterframework.types.ResourceProfile;
import org.apache.flink.core.execution.JobListener;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.datastream.WindowedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 */
public final class EdgeStreams {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeStreams.class);
    private static final Duration OUT_OF_ORDERNESS = Duration.ofMillis(200);
    /** The one branch of every node when no placement strategy is set. */
    private static final PlacementStrategy.Branch UNPLACED = PlacementStrategy.Branch.at("*");

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
    public static EdgeStreams on(StreamExecutionEnvironment env, StreamRegistry registry,
            String owner) {
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
     * Runs the job's operators where {@code strategy} places them: each node is built once per
     * site the strategy names, and every operator — sources, operators, taps, sinks — joins the
     * slot sharing group of its site. The copies of a node at several sites carry {@code @site}
     * in their names and uids. Set it before any stream is consumed.
     *
     * @throws IllegalStateException when operators were already built
     */
    public EdgeStreams withPlacement(PlacementStrategy strategy) {
        Objects.requireNonNull(strategy, "strategy");
        List<EdgeStream<?>> built = streams.stream()
                .filter(s -> s.kind() == EdgeStream.Kind.SINK || s.isMaterialized()).toList();
        if (!built.isEmpty()) {
            throw new IllegalStateException("withPlacement(..) comes too late: " + built
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
        return streams.stream().filter(EdgeStream::isShared)
                .map(s -> s.descriptor().ref()).toList();
    }

    /** Streams this job computes and taps. */
    public List<StreamDescriptor> producedStreams() {
        return streams.stream().filter(s -> s.kind() == EdgeStream.Kind.COMPUTED)
                .map(EdgeStream::descriptor).toList();
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
        StreamRef ref = nameOrRef.contains("/")
                ? StreamRef.parse(nameOrRef) : new StreamRef(owner, nameOrRef);
        StreamDescriptor d = registry.describe(ref);
        EdgeStream.Kind kind = d.type() == StreamType.DERIVED
                ? EdgeStream.Kind.SHARED : EdgeStream.Kind.RAW;
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
        return add(new EdgeStream<>(this, EdgeStream.Kind.SHARED, type, d.window(), List.of(),
                null, d));
    }

    /**
     * Derives stream {@code name} by applying {@code operator} to {@code parents} — or, if a
     * readable job already produces exactly this computation, reads that job's stream instead.
     */
    @SafeVarargs
    public final <I, O> EdgeStream<O> derive(String name, EdgeOperator<I, O> operator,
            EdgeStream<? extends I>... parents) {
        if (parents.length == 0) {
            throw new IllegalArgumentException("derive('" + name + "') needs at least one parent");
        }
        List<EdgeStream<?>> ps = Arrays.asList(parents);
        WindowSpec window = ps.get(0).windowSpec();
        for (EdgeStream<?> p : ps) {
            if (!p.windowSpec().equals(window)) {
                throw new IllegalArgumentException("Parents of '" + name + "' have different"
                        + " windows (" + window + " vs " + p.windowSpec() + "); window them alike");
            }
        }
        if ((operator instanceof WindowOperator) != (window.type() != WindowSpec.Type.NONE)) {
            throw new IllegalArgumentException(operator instanceof WindowOperator
                    ? "Window operator '" + operator.name() + "' needs a windowed input; call"
                            + " fixedWindow(..) or slidingWindow(..) on its parent"
                    : "Operator '" + operator.name() + "' is record-at-a-time but its input is"
                            + " windowed; use a WindowOperator");
        }
        requireChannel("derive '" + name + "'");
        List<String> parentFps = new ArrayList<>();
        ps.forEach(p -> parentFps.addAll(p.lineageFingerprints()));
        Lineage lineage = new Lineage(operator.ref(), parentFps);
        ReusePlanner.Decision decision = planner.decide(name, lineage, window,
                operator.outputType().toString(), options);
        if (decision.reuse()) {
            return add(new EdgeStream<>(this, EdgeStream.Kind.SHARED, operator.outputType(),
                    WindowSpec.none(), ps, null, decision.stream()));
        }
        return add(new EdgeStream<>(this, EdgeStream.Kind.COMPUTED, operator.outputType(),
                WindowSpec.none(), ps, operator, decision.stream()));
    }

    /**
     * Rebuilds an existing derived stream of this owner from its lineage recipe, to produce it
     * under its registered name: the host job of an orphaned stream. Parents are read from their
     * producers' taps, or from devices for RAW parents; the operator comes from {@code catalog}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public EdgeStream<?> recompute(StreamDescriptor stream, OperatorCatalog catalog) {
        if (stream.type() != StreamType.DERIVED || !stream.owner().equals(owner)) {
            throw new IllegalArgumentException("Only a DERIVED stream of '" + owner
                    + "' can be recomputed here, not " + stream.ref() + " (" + stream.type() + ")");
        }
        requireChannel("recompute " + stream.ref());
        EdgeOperator<?, ?> op = LeftUnionOperator.NAME.equals(stream.lineage().operator().name())
                ? null : catalog.create(stream.lineage().operator());
        List<EdgeStream<?>> parents = new ArrayList<>();
        for (String fp : stream.lineage().parents()) {
            EdgeStream<?> p = importByFingerprint(fp, catalog);
            parents.add(stream.window().type() == WindowSpec.Type.NONE ? p : p.window(stream.window()));
        }
        if (op == null) {
            EdgeStream<?> right = parents.get(1);
            op = new LeftUnionOperator(LeftUnionOperator.ruleOf(
                    stream.lineage().operator().params()), right.type());
        }
        return add(new EdgeStream(this, EdgeStream.Kind.COMPUTED, op.outputType(),
                WindowSpec.none(), parents, op, stream));
    }

    private EdgeStream<?> importByFingerprint(String fp, OperatorCatalog catalog) {
        try {
            StreamDescriptor producer = registry.resolve(fp).get(0);
            return importStream(producer.ref().toString(),
                    catalog.create(producer.lineage().operator()).outputType());
        } catch (dev.flinkedge.registry.errors.NotFoundException notActive) {
            StreamDescriptor raw = registry.list(null, null).stream()
                    .filter(d -> d.fingerprint().equals(fp) && d.type() != StreamType.DERIVED)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("Parent " + fp + " is neither"
                            + " produced by a running job nor a raw stream readable by '" + owner
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
    public <A extends EdgeData, T extends EdgeRecord<?>> EdgeStream<T> leftUnion(String name,
            AreaRule rule, EdgeStream<A> areas, EdgeStream<T> stream) {
        LeftUnionOperator<T> op = new LeftUnionOperator<>(rule, stream.type());
        requireChannel("leftUnion '" + name + "'");
        List<String> parentFps = new ArrayList<>(areas.lineageFingerprints());
        parentFps.addAll(stream.lineageFingerprints());
        ReusePlanner.Decision decision = planner.decide(name, new Lineage(op.ref(), parentFps),
                WindowSpec.none(), stream.type().toString(), options);
        return add(new EdgeStream<>(this, decision.reuse() ? EdgeStream.Kind.SHARED
                        : EdgeStream.Kind.COMPUTED, stream.type(), WindowSpec.none(),
                List.of(areas, stream), decision.reuse() ? null : op, decision.stream()));
    }

    /** Restructure: one stream of all records of {@code parts}; no data moves. */
    @SafeVarargs
    public final <T> EdgeStream<T> union(EdgeStream<T>... parts) {
        if (parts.length < 2) {
            throw new IllegalArgumentException("union needs at least two streams");
        }
        return add(new EdgeStream<>(this, EdgeStream.Kind.UNION, parts[0].type(),
                WindowSpec.none(), Arrays.asList(parts), null, null));
    }

    <T> EdgeStream<T> add(EdgeStream<T> s) {
        streams.add(s);
        return s;
    }

    /**
     * Turns a node into Flink operators, one copy per branch (site) of the placement, and returns
     * each copy's stream by site; without placement a single copy.
     */
    @SuppressWarnings("unchecked")
    <T> Map<String, DataStream<T>> materialize(EdgeStream<T> s) {
        Map<String, DataStream<T>> out = new LinkedHashMap<>();
        List<PlacementStrategy.Branch> branches = branchesOf(s);
        boolean branched = branches.size() > 1;
        for (PlacementStrategy.Branch b : branches) {
            String site = b.site();
            DataStream<T> stream = switch (s.kind()) {
                case RAW -> pinUpstream((DataStream<T>) readRaw(s, b), site, branched);
                case SHARED -> pinUpstream(readShared(s), site, branched);
                case UNION -> union(s.parents().stream()
                        .map(p -> (DataStream<T>) p.branches().get(site)).toList());
                case WINDOW -> (DataStream<T>) s.parents().get(0).branches().get(site);
                case COMPUTED -> compute(s, site, branched);
                case SINK -> throw new IllegalStateException("a sink is built by sinkTo");
            };
            out.put(site, stream);
        }
        return out;
    }

    private List<PlacementStrategy.Branch> branchesOf(EdgeStream<?> s) {
        if (placement == null) {
            return List.of(UNPLACED);
        }
        List<PlacementStrategy.Branch> branches = placement.branches(this, s);
        if (branches.isEmpty()) {
            throw new IllegalStateException("the placement strategy gave " + s + " no site; it"
                    + " must place every node at one site or more");
        }
        return branches;
    }

    private DataStream<Frame> readRaw(EdgeStream<?> s, PlacementStrategy.Branch branch) {
        if (rawSources == null) {
            throw new IllegalStateException("Raw stream " + s.descriptor().ref()
                    + " is consumed but no RawSourceFactory was given; call"
                    + " withRawSources(..)");
        }
        StreamDescriptor d = s.descriptor();
        if (placement == null) {
            return rawSources.create(env, d);
        }
        if (branch.devices().isEmpty()) {
            throw new IllegalStateException("the placement strategy put raw stream " + d.ref()
                    + " at " + branch.site() + " without naming the devices read there");
        }
        return rawSources.create(env, withDevices(d, branch.devices()));
    }

    /** The descriptor of a RAW stream reduced to some of its devices (those of one site). */
    private static StreamDescriptor withDevices(StreamDescriptor d, List<String> devices) {
        return new StreamDescriptor(d.owner(), d.name(), d.type(), d.window(), d.serializer(),
                d.payloadType(), d.guarantee(), d.lineage(), SourceSpec.devices(devices),
                d.durable(), d.partitions(), d.status(), d.producer(), d.topic(), d.fingerprint(),
                d.grants(), d.subscriptions(), d.createdAtMs(), d.updatedAtMs());
    }

    private <T> DataStream<T> readShared(EdgeStream<T> s) {
        requireChannel("read " + s.descriptor().ref());
        StreamDescriptor d = s.descriptor();
        return env.fromSource(SharedStreamSource.forStream(d, owner, s.type(), channel),
                        WatermarkStrategy.<T>forBoundedOutOfOrderness(OUT_OF_ORDERNESS),
                        "shared:" + d.ref(), s.type())
                .uid("shared-" + d.fingerprint().substring(0, 16));
    }

    /**
     * Puts the operators a source factory built into the site's group: everything upstream of
     * {@code stream} that no other node has placed. A branch copy's names and uids get {@code
     * @site}, so that the copies differ.
     */
    private <T> DataStream<T> pinUpstream(DataStream<T> stream, String site, boolean branched) {
        if (placement == null) {
            return stream;
        }
        SlotSharingGroup group = placement.slotSharingGroup(site);
        Deque<Transformation<?>> todo = new ArrayDeque<>(List.of(stream.getTransformation()));
        Set<Transformation<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Transformation<?> t = todo.pop();
            if (!seen.add(t) || t.getSlotSharingGroup().isPresent()) {
                continue;
            }
            t.setSlotSharingGroup(group);
            if (branched) {
                t.setName(t.getName() + "@" + site);
                if (t.getUid() != null) {
                    t.setUid(t.getUid() + "@" + site);
                }
            }
            todo.addAll(t.getInputs());
        }
        return stream;
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
    @SuppressWarnings("unchecked")
    private static List<DataStream<Object>> inputsAt(EdgeStream<?> s, String site,
            boolean sameSite) {
        List<DataStream<Object>> inputs = new ArrayList<>();
        for (EdgeStream<?> parent : s.parents()) {
            Map<String, DataStream<Object>> branches =
                    (Map<String, DataStream<Object>>) (Map<String, ?>) parent.branches();
            if (!sameSite) {
                inputs.add(union(List.copyOf(branches.values())));
            } else if (branches.containsKey(site)) {
                inputs.add(branches.get(site));
            }
        }
        if (inputs.isEmpty()) {
            throw new IllegalStateException("the placement strategy put " + s + " at " + site
                    + ", where none of its inputs is; a record-at-a-time operator runs where its"
                    + " inputs are");
        }
        return inputs;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T> DataStream<T> compute(EdgeStream<T> s, String site, boolean branched) {
        StreamDescriptor d = s.descriptor();
        EdgeOperator<?, T> op = s.operator();
        List<DataStream<Object>> inputs = inputsAt(s, site, op instanceof MapOperator);
        String at = branched ? "@" + site : "";
        String uid = d.fingerprint().substring(0, 16) + at;
        SingleOutputStreamOperator<T> out;
        if (op instanceof LeftUnionOperator<?> lu) {
            DataStream<EdgeData> areas = (DataStream<EdgeData>) (DataStream) inputs.get(0);
            DataStream<EdgeRecord<?>> records =
                    (DataStream<EdgeRecord<?>>) (DataStream) inputs.get(1);
            out = (SingleOutputStreamOperator<T>) (SingleOutputStreamOperator) records
                    .connect(areas.broadcast(LeftUnionFunction.AREAS))
                    .process(new LeftUnionFunction<>(lu.rule()),
                            (TypeInformation<EdgeRecord<?>>) (TypeInformation) s.type())
                    .name(op.name() + at).uid("op-" + uid);
        } else if (op instanceof MapOperator<?, ?> map) {
            out = union(inputs).flatMap(new MapOperatorFunction<>((MapOperator<Object, T>) map),
                    s.type()).name(op.name() + at).uid("op-" + uid);
        } else {
            WindowSpec w = s.parents().get(0).windowSpec();
            WindowedStream<EdgeData, String, TimeWindow> windowed =
                    ((DataStream<EdgeData>) (DataStream) union(inputs)).keyBy(new KeyOf<>())
                            .window(w.type() == WindowSpec.Type.FIXED
                                    ? TumblingEventTimeWindows.of(Duration.ofMillis(w.sizeMs()))
                                    : SlidingEventTimeWindows.of(Duration.ofMillis(w.sizeMs()),
                                            Duration.ofMillis(w.slideMs())));
            out = windowed.process(new WindowOperatorFunction<>(
                    (WindowOperator<EdgeData, T>) op), s.type()).name(op.name() + at)
                    .uid("op-" + uid);
        }
        DataStreamSink<T> tap = out.sinkTo(SharedStreamSink.forStream(d, s.type(), channel))
                .name("tap:" + d.ref() + at).uid("tap-" + uid);
        if (placement != null) {
            SlotSharingGroup group = placement.slotSharingGroup(site);
            out.slotSharingGroup(group);
            tap.slotSharingGroup(group);
        }
        return out;
    }

    /** Builds a SINK node: one Flink sink per site of its placement. */
    <T> List<DataStreamSink<T>> sink(EdgeStream<T> node) {
        add(node);
        @SuppressWarnings("unchecked")
        Map<String, DataStream<T>> in = ((EdgeStream<T>) node.parents().get(0)).branches();
        List<DataStreamSink<T>> sinks = new ArrayList<>();
        List<PlacementStrategy.Branch> branches = branchesOf(node);
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
            if (placement != null) {
                sink.slotSharingGroup(placement.slotSharingGroup(b.site()));
            }
            if (branches.size() > 1) {
                sink.name(sink.getTransformation().getName() + "@" + b.site());
            }
            sinks.add(sink);
        }
        return sinks;
    }

    private void requireChannel(String what) {
        if (channel == null) {
            throw new IllegalStateException("Cannot " + what + " without a SharedChannel; call"
                    + " withChannel(..)");
        }
    }

    /**
     * Builds every computed stream (so each gets its tap) and returns the stream graph.
     *
     * @throws IllegalStateException with a placement strategy, when an operator has no site or
     *     the strategy's check fails
     */
    public StreamGraph streamGraph(String jobName) {
        prepare();
        StreamGraph graph = env.getStreamGraph(false);
        graph.setJobName(jobName);
        checkPlacement(graph);
        return graph;
    }

    /**
     * With a placement strategy: every operator must be in a slot sharing group that declares its
     * resources (so none takes a default slot at whichever site has room), and the strategy must
     * accept the graph.
     */
    private void checkPlacement(StreamGraph graph) {
        if (placement == null) {
            return;
        }
        List<String> unplaced = new ArrayList<>();
        for (StreamNode node : graph.getStreamNodes()) {
            // Flink lists the default group with an UNKNOWN profile: no resources declared.
            if (graph.getSlotSharingGroupResource(node.getSlotSharingGroup())
                    .filter(profile -> !profile.equals(ResourceProfile.UNKNOWN)).isEmpty()) {
                unplaced.add("'" + node.getOperatorName() + "' (group '"
                        + node.getSlotSharingGroup() + "')");
            }
        }
        if (!unplaced.isEmpty()) {
            throw new IllegalStateException("Operators " + unplaced + " of job '"
                    + graph.getJobName() + "' have no site: they were added outside EdgeStreams"
                    + " and read from several sites, or sit in a group without resources. Build"
                    + " them through EdgeStreams (derive, sinkTo) or give them the group of a site"
                    + " with slotSharingGroup(..)");
        }
        placement.check(graph);
    }

    private void prepare() {
        for (EdgeStream<?> s : List.copyOf(streams)) {
            if (s.kind() == EdgeStream.Kind.COMPUTED) {
                s.branches();
            }
        }
        if (channel != null) {
            StreamTopics.ensure(channel.bootstrapServers(), producedStreams());
        }
    }

    /**
     * Submits the job without waiting for it; once submitted, the streams it computes are marked
     * ACTIVE with this job as producer, which makes them reusable by other jobs.
     */
    public JobClient execute(String jobName) throws Exception {
        prepare();
        if (placement != null) {
            StreamGraph graph = env.getStreamGraph(false);
            graph.setJobName(jobName);
            checkPlacement(graph);
        }
        Map<StreamDescriptor, String> produced = new LinkedHashMap<>();
        for (EdgeStream<?> s : streams) {
            if (s.kind() == EdgeStream.Kind.COMPUTED) {
                produced.put(s.descriptor(), producerSite(s));
            }
        }
        env.registerJobListener(new ProducerRegistration(produced));
        JobClient client = env.executeAsync(jobName);
        LOG.info("Submitted '{}' as {}: computes {}, reuses {}", jobName, client.getJobID(),
                produced.keySet().stream().map(StreamDescriptor::ref).toList(), reusedStreams());
        return client;
    }

    /** Where a computed stream is produced: its one placed site, else {@link #atSite}'s. */
    private String producerSite(EdgeStream<?> s) {
        if (placement != null && s.branches().size() == 1) {
            return s.branches().keySet().iterator().next();
        }
        return site;
    }

    /**
     * Marks the job's computed streams ACTIVE with the job and their site as producer once it is
     * submitted.
     */
    private final class ProducerRegistration implements JobListener {
        /** Each computed stream with its site; the site is null when not known. */
        private final Map<StreamDescriptor, String> produced;

        ProducerRegistration(Map<StreamDescriptor, String> produced) {
            this.produced = Collections.unmodifiableMap(new LinkedHashMap<>(produced));
        }

        @Override
        public void onJobSubmitted(JobClient client, Throwable error) {
            if (client == null) {
                return;
            }
            produced.forEach((d, at) -> {
                try {
                    registry.setStatus(d.ref(), StreamStatus.ACTIVE,
                            new Producer(client.getJobID().toString(), at));
                } catch (RuntimeException e) {
                    LOG.error("Job {} produces {} but could not mark it ACTIVE ({}); other jobs"
                            + " will not reuse it", client.getJobID(), d.ref(), e.getMessage());
                }
            });
        }

        @Override
        public void onJobExecuted(JobExecutionResult result, Throwable error) {}
    }
}
