package dev.flinkedge.scheduler.placement;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import java.util.List;
import java.util.Objects;

/**
 * One node of a job's logical plan as the planner sees it, free of Flink types.
 *
 * <pre>{@code
 * List<PlanNode> plan = List.of(
 *         PlanNode.source("frames", List.of("edge-1", "edge-2")),
 *         PlanNode.map("detect", "frames"),
 *         PlanNode.keyed("count", List.of("detect")));
 * }</pre>
 *
 * @param id unique name of the node
 * @param kind what the node does, which decides where it runs
 * @param inputs ids of the nodes it reads: none for a SOURCE, one for a SINK, else one or more
 * @param sourceSites for a SOURCE, the sites its devices are attached to; else empty
 * @param sourceDevices for a SOURCE, the ids of the devices it reads when known (area rules
 *     downstream are placed by these devices' hulls); empty when unknown, e.g. for a stream read
 *     from another job, and for every other kind
 * @param areaWkt for an AREA_RULE, its area as a WKT geometry in longitude/latitude; else null
 * @param targetSite for a SINK, the site it writes at, or null to write where its input is
 */
public record PlanNode(
        String id,
        Kind kind,
        List<String> inputs,
        List<String> sourceSites,
        List<String> sourceDevices,
        String areaWkt,
        String targetSite) {

    /** What a node does. */
    public enum Kind {
        /** Data enters at the sites of its devices; no inputs. */
        SOURCE,
        /** Record at a time over the union of its inputs: runs where each input branch is. */
        MAP,
        /** Restructure: carries every branch of all its inputs on, moving no data. */
        UNION,
        /** Groups records by key or window: runs where all its inputs meet. */
        KEYED,
        /** Groups records by an area: runs at the site found for the area. */
        AREA_RULE,
        /** Writes its one input out: at its target site, else where the input is. */
        SINK
    }

    /** Checks the fields each kind needs; messages name the node and the fix. */
    public PlanNode {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("plan node id is missing; name every node");
        }
        Objects.requireNonNull(kind, () -> "plan node '" + id + "': kind");
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        sourceSites = sourceSites == null ? List.of() : List.copyOf(sourceSites);
        sourceDevices = sourceDevices == null ? List.of() : List.copyOf(sourceDevices);
        switch (kind) {
            case SOURCE -> check(id, inputs.isEmpty(), "a SOURCE reads no inputs");
            case SINK ->
                    check(
                            id,
                            inputs.size() == 1,
                            "a SINK reads exactly one input, not " + inputs.size());
            default -> check(id, !inputs.isEmpty(), "a " + kind + " needs at least one input");
        }
        check(
                id,
                (kind == Kind.SOURCE) != sourceSites.isEmpty(),
                kind == Kind.SOURCE
                        ? "a SOURCE needs the sites of its devices"
                        : "only a SOURCE has source sites");
        check(id, kind == Kind.SOURCE || sourceDevices.isEmpty(), "only a SOURCE has devices");
        check(
                id,
                (kind == Kind.AREA_RULE) == (areaWkt != null),
                kind == Kind.AREA_RULE
                        ? "an AREA_RULE needs its area as WKT"
                        : "only an AREA_RULE has an area");
        check(id, kind == Kind.SINK || targetSite == null, "only a SINK has a target site");
        if (areaWkt != null) {
            area(id, areaWkt);
        }
    }

    /** A source whose devices are attached to {@code sites}; which devices is not known. */
    public static PlanNode source(String id, List<String> sites) {
        return new PlanNode(id, Kind.SOURCE, List.of(), sites, List.of(), null, null);
    }

    /** A source reading {@code devices}, which are attached to {@code sites}. */
    public static PlanNode source(String id, List<String> sites, List<String> devices) {
        return new PlanNode(id, Kind.SOURCE, List.of(), sites, devices, null, null);
    }

    /** A record-at-a-time operator on {@code input}. */
    public static PlanNode map(String id, String input) {
        return map(id, List.of(input));
    }

    /** A record-at-a-time operator on the union of {@code inputs}. */
    public static PlanNode map(String id, List<String> inputs) {
        return new PlanNode(id, Kind.MAP, inputs, List.of(), List.of(), null, null);
    }

    /** The union of {@code inputs}. */
    public static PlanNode union(String id, List<String> inputs) {
        return new PlanNode(id, Kind.UNION, inputs, List.of(), List.of(), null, null);
    }

    /** A keyed or windowed operator on {@code inputs}. */
    public static PlanNode keyed(String id, List<String> inputs) {
        return new PlanNode(id, Kind.KEYED, inputs, List.of(), List.of(), null, null);
    }

    /** An operator grouping {@code inputs} by the area {@code wkt}. */
    public static PlanNode areaRule(String id, String wkt, List<String> inputs) {
        return new PlanNode(id, Kind.AREA_RULE, inputs, List.of(), List.of(), wkt, null);
    }

    /** A sink of {@code input} at {@code targetSite}, or where the input is when null. */
    public static PlanNode sink(String id, String input, String targetSite) {
        return new PlanNode(id, Kind.SINK, List.of(input), List.of(), List.of(), null, targetSite);
    }

    /** The parsed area of an AREA_RULE. */
    public Geometry area() {
        if (areaWkt == null) {
            throw new IllegalStateException(
                    "plan node '" + id + "' is a " + kind + ", which has no area");
        }
        return area(id, areaWkt);
    }

    private static Geometry area(String id, String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(
                    "plan node '"
                            + id
                            + "': area '"
                            + wkt
                            + "' is not valid WKT ("
                            + e.getMessage()
                            + "); write e.g."
                            + " POLYGON ((lon lat, lon lat, lon lat, lon lat))",
                    e);
        }
    }

    private static void check(String id, boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("plan node '" + id + "': " + problem);
        }
    }
}
