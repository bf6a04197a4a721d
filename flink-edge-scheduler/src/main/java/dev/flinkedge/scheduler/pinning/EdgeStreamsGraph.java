package dev.flinkedge.scheduler.pinning;

import dev.flinkedge.connectors.api.EdgeOperator;
import dev.flinkedge.connectors.api.EdgeStream;
import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.api.LeftUnionOperator;
import dev.flinkedge.connectors.api.MapOperator;
import dev.flinkedge.connectors.api.WindowOperator;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.SourceSpec;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.scheduler.placement.Device;
import dev.flinkedge.scheduler.placement.DeviceSites;
import dev.flinkedge.scheduler.placement.PlanNode;

import org.apache.flink.annotation.Internal;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns an EdgeStreams job plan into the planner's {@link PlanNode}s; the only placement class that
 * knows the connectors API.
 *
 * <ul>
 *   <li>RAW: a SOURCE at the sites of its devices (for an area-based stream, of the known devices
 *       inside its areas);
 *   <li>SHARED: a SOURCE at the producer's site when the registry knows it and the topology has it,
 *       else at the root;
 *   <li>COMPUTED: a {@link MapOperator} is a MAP, a {@link WindowOperator} is KEYED, and a {@link
 *       LeftUnionOperator} is KEYED too: its areas are records of its left input, not a fixed
 *       polygon, so it runs where both inputs meet;
 *   <li>UNION and WINDOW: UNION, as neither moves data;
 *   <li>SINK: a SINK at its target site, if it names one.
 * </ul>
 *
 * <p>Nodes are named after their stream ({@code owner/name}), their kind ({@code union}, {@code
 * window}) or, for a sink, its input ({@code sink:owner/name}); a name that repeats in the plan
 * gets {@code #2}, {@code #3}, ... in plan order.
 *
 * <pre>{@code
 * EdgeStreamsGraph graph = EdgeStreamsGraph.of(job, devices);
 * PlacementPlan plan = new Placer(topology, devices, 8).place(graph.nodes());
 * List<String> sites = plan.sitesOfNode(graph.idOf(stream));
 * }</pre>
 */
@Internal
public final class EdgeStreamsGraph {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final List<PlanNode> nodes;
    private final List<PlanNode> builtNodes;
    private final Map<EdgeStream<?>, PlanNode> byStream;

    private EdgeStreamsGraph(
            List<PlanNode> nodes,
            List<PlanNode> builtNodes,
            Map<EdgeStream<?>, PlanNode> byStream) {
        this.nodes = List.copyOf(nodes);
        this.builtNodes = List.copyOf(builtNodes);
        this.byStream = byStream;
    }

    /**
     * Converts a job plan.
     *
     * @param job the job's plan
     * @param devices where the devices of its RAW streams are attached
     * @return the plan's nodes, and which stream each one stands for
     * @throws IllegalArgumentException when a RAW stream has an unknown device or no known device
     *     in its areas, or a COMPUTED stream has an operator of an unknown kind
     */
    public static EdgeStreamsGraph of(EdgeStreams job, DeviceSites devices) {
        Map<EdgeStream<?>, PlanNode> byStream = new IdentityHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<PlanNode> nodes = new ArrayList<>();
        for (EdgeStream<?> stream : job.streams()) {
            List<String> inputs = stream.parents().stream().map(p -> byStream.get(p).id()).toList();
            String label =
                    stream.kind() == EdgeStream.Kind.SINK
                            ? "sink:" + inputs.get(0)
                            : stream.descriptor() == null
                                    ? stream.kind().name().toLowerCase(Locale.ROOT)
                                    : stream.descriptor().ref().toString();
            int n = seen.merge(label, 1, Integer::sum);
            String id = n == 1 ? label : label + "#" + n;
            PlanNode node = node(id, stream, inputs, devices);
            byStream.put(stream, node);
            nodes.add(node);
        }
        Set<EdgeStream<?>> built = built(job.streams());
        List<PlanNode> builtNodes =
                job.streams().stream().filter(built::contains).map(byStream::get).toList();
        return new EdgeStreamsGraph(nodes, builtNodes, byStream);
    }

    /**
     * The streams that become Flink operators when the job runs: every computed stream and sink,
     * and what they read. A source (RAW or SHARED) reads nothing of the plan.
     */
    private static Set<EdgeStream<?>> built(List<EdgeStream<?>> streams) {
        Set<EdgeStream<?>> built = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<EdgeStream<?>> todo = new ArrayDeque<>();
        for (EdgeStream<?> stream : streams) {
            if (stream.kind() == EdgeStream.Kind.COMPUTED
                    || stream.kind() == EdgeStream.Kind.SINK) {
                todo.add(stream);
            }
        }
        while (!todo.isEmpty()) {
            EdgeStream<?> stream = todo.pop();
            if (built.add(stream)
                    && stream.kind() != EdgeStream.Kind.RAW
                    && stream.kind() != EdgeStream.Kind.SHARED) {
                todo.addAll(stream.parents());
            }
        }
        return built;
    }

    /**
     * Converts a job plan.
     *
     * @return one node per node of the job's plan, in plan order
     * @see #of
     */
    public static List<PlanNode> from(EdgeStreams job, DeviceSites devices) {
        return of(job, devices).nodes();
    }

    /** Every node, in plan order. */
    public List<PlanNode> nodes() {
        return nodes;
    }

    /**
     * The nodes that become Flink operators, in plan order: computed streams, sinks and what they
     * read. A stream imported but never read, or the inputs of a stream reused from another job,
     * are left out.
     */
    public List<PlanNode> builtNodes() {
        return builtNodes;
    }

    /**
     * The node standing for a stream of the job.
     *
     * @throws IllegalArgumentException when the stream was not in the job when it was converted
     */
    public PlanNode nodeOf(EdgeStream<?> stream) {
        PlanNode node = byStream.get(stream);
        if (node == null) {
            throw new IllegalArgumentException(
                    stream
                            + " is not a node of this graph; convert"
                            + " the job again after adding it");
        }
        return node;
    }

    private static PlanNode node(
            String id, EdgeStream<?> stream, List<String> inputs, DeviceSites devices) {
        return switch (stream.kind()) {
            case RAW -> raw(id, stream.descriptor().source(), devices);
            case SHARED -> PlanNode.source(id, List.of(producerSite(stream.descriptor(), devices)));
            case UNION, WINDOW -> PlanNode.union(id, inputs);
            case COMPUTED -> computed(id, stream.operator(), inputs);
            case SINK -> PlanNode.sink(id, inputs.get(0), stream.targetSite());
        };
    }

    private static PlanNode computed(String id, EdgeOperator<?, ?> operator, List<String> inputs) {
        if (operator instanceof MapOperator) {
            return PlanNode.map(id, inputs);
        }
        if (operator instanceof WindowOperator || operator instanceof LeftUnionOperator) {
            return PlanNode.keyed(id, inputs);
        }
        throw new IllegalArgumentException(
                "stream '"
                        + id
                        + "' is computed by operator '"
                        + operator.name()
                        + "' ("
                        + operator.getClass().getName()
                        + "), which the planner"
                        + " cannot place; extend MapOperator or WindowOperator");
    }

    private static PlanNode raw(String id, SourceSpec source, DeviceSites devices) {
        TreeSet<String> read = new TreeSet<>();
        for (String device : source.devices()) {
            read.add(devices.device(device).id());
        }
        for (int i = 0; i < source.areas().size(); i++) {
            Geometry area = SourceSpec.parseArea("source.areas[" + i + "]", source.areas().get(i));
            for (Device device : devices.all()) {
                Coordinate at = new Coordinate(device.location().lon(), device.location().lat());
                if (area.covers(GEOMETRY.createPoint(at))) {
                    read.add(device.id());
                }
            }
        }
        if (read.isEmpty()) {
            throw new IllegalArgumentException(
                    "RAW stream '"
                            + id
                            + "' reads areas "
                            + source.areas()
                            + " but no known device lies inside them; add the devices"
                            + " there to the DeviceSites given to the planner");
        }
        TreeSet<String> sites = new TreeSet<>();
        read.forEach(device -> sites.add(devices.device(device).site()));
        return PlanNode.source(id, List.copyOf(sites), List.copyOf(read));
    }

    private static String producerSite(StreamDescriptor descriptor, DeviceSites devices) {
        Producer producer = descriptor.producer();
        boolean known =
                producer != null
                        && producer.site() != null
                        && devices.topology().contains(producer.site());
        return known ? producer.site() : devices.topology().root().id();
    }
}
