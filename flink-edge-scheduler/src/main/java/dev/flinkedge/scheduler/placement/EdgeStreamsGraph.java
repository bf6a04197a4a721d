package dev.flinkedge.scheduler.placement;

import dev.flinkedge.connectors.api.EdgeOperator;
import dev.flinkedge.connectors.api.EdgeStream;
import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.api.LeftUnionOperator;
import dev.flinkedge.connectors.api.MapOperator;
import dev.flinkedge.connectors.api.WindowOperator;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.SourceSpec;
import dev.flinkedge.registry.model.StreamDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Turns an EdgeStreams job plan into the planner's {@link PlanNode}s; the only placement class
 * that knows the connectors API.
 *
 * <ul>
 *   <li>RAW: a SOURCE at the sites of its devices (for an area-based stream, of the known devices
 *       inside its areas);
 *   <li>SHARED: a SOURCE at the producer's site when the registry knows it and the topology has
 *       it, else at the root;
 *   <li>COMPUTED: a {@link MapOperator} is a MAP, a {@link WindowOperator} is KEYED, and a {@link
 *       LeftUnionOperator} is KEYED too: its areas are records of its left input, not a fixed
 *       polygon, so it runs where both inputs meet;
 *   <li>UNION and WINDOW: UNION, as neither moves data.
 * </ul>
 *
 * <p>Nodes are named after their stream ({@code owner/name}) or kind ({@code union}, {@code
 * window}); a name that repeats in the plan gets {@code #2}, {@code #3}, ... in plan order.
 *
 * <pre>{@code
 * PlacementPlan plan = new Placer(topology, finding).place(EdgeStreamsGraph.from(job, devices));
 * }</pre>
 */
public final class EdgeStreamsGraph {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private EdgeStreamsGraph() {}

    /**
     * Converts a job plan.
     *
     * @param job the job's plan
     * @param devices where the devices of its RAW streams are attached
     * @return one node per stream of the plan, in plan order
     * @throws IllegalArgumentException when a RAW stream has an unknown device or no known device
     *     in its areas, or a COMPUTED stream has an operator of an unknown kind
     */
    public static List<PlanNode> from(EdgeStreams job, DeviceSites devices) {
        Map<EdgeStream<?>, String> ids = new IdentityHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<PlanNode> nodes = new ArrayList<>();
        for (EdgeStream<?> stream : job.streams()) {
            String label = stream.descriptor() == null
                    ? stream.kind().name().toLowerCase(Locale.ROOT)
                    : stream.descriptor().ref().toString();
            int n = seen.merge(label, 1, Integer::sum);
            String id = n == 1 ? label : label + "#" + n;
            ids.put(stream, id);
            List<String> inputs = stream.parents().stream().map(ids::get).toList();
            nodes.add(node(id, stream, inputs, devices));
        }
        return nodes;
    }

    private static PlanNode node(String id, EdgeStream<?> stream, List<String> inputs,
            DeviceSites devices) {
        return switch (stream.kind()) {
            case RAW -> PlanNode.source(id, rawSites(id, stream.descriptor().source(), devices));
            case SHARED -> PlanNode.source(id, List.of(producerSite(stream.descriptor(), devices)));
            case UNION, WINDOW -> PlanNode.union(id, inputs);
            case COMPUTED -> computed(id, stream.operator(), inputs);
        };
    }

    private static PlanNode computed(String id, EdgeOperator<?, ?> operator,
            List<String> inputs) {
        if (operator instanceof MapOperator) {
            return PlanNode.map(id, inputs.get(0));
        }
        if (operator instanceof WindowOperator || operator instanceof LeftUnionOperator) {
            return PlanNode.keyed(id, inputs);
        }
        throw new IllegalArgumentException("stream '" + id + "' is computed by operator '"
                + operator.name() + "' (" + operator.getClass().getName() + "), which the planner"
                + " cannot place; extend MapOperator or WindowOperator");
    }

    private static List<String> rawSites(String id, SourceSpec source, DeviceSites devices) {
        TreeSet<String> sites = new TreeSet<>();
        for (String device : source.devices()) {
            sites.add(devices.device(device).site());
        }
        for (int i = 0; i < source.areas().size(); i++) {
            Geometry area = SourceSpec.parseArea("source.areas[" + i + "]", source.areas().get(i));
            for (Device device : devices.all()) {
                Coordinate at = new Coordinate(device.location().lon(), device.location().lat());
                if (area.covers(GEOMETRY.createPoint(at))) {
                    sites.add(device.site());
                }
            }
        }
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("RAW stream '" + id + "' reads areas "
                    + source.areas() + " but no known device lies inside them; add the devices"
                    + " there to the DeviceSites given to the planner");
        }
        return List.copyOf(sites);
    }

    private static String producerSite(StreamDescriptor descriptor, DeviceSites devices) {
        Producer producer = descriptor.producer();
        boolean known = producer != null && producer.site() != null
                && devices.topology().contains(producer.site());
        return known ? producer.site() : devices.topology().root().id();
    }
}
