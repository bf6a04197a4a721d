package dev.flinkedge.scheduler.placement;

import dev.flinkedge.scheduler.topology.Site;
import dev.flinkedge.scheduler.topology.Topology;

import org.locationtech.jts.algorithm.ConvexHull;
import org.locationtech.jts.algorithm.MinimumAreaRectangle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Finds the site for an area: every site keeps a convex region covering the locations of all
 * devices in its subtree (x = longitude, y = latitude), and an area goes to the deepest site whose
 * region covers it.
 *
 * <p>A region is the convex hull of the subtree's device locations when that hull has at most
 * {@code maxEdges} edges. A larger hull is replaced by a covering rectangle: the minimum-area
 * rotated rectangle when it covers the hull, else (should rounding leave a vertex outside) the
 * axis-aligned envelope, which covers it exactly. A site's region is built from its own devices and
 * its children's regions, so it always covers its children's regions and every device below it.
 * Simplification only enlarges regions: more sites may cover an area, never fewer.
 *
 * <pre>{@code
 * AreaFinding finding = AreaFinding.build(topology, devices, 8);
 * Site site = finding.siteFor(new WKTReader().read("POLYGON ((11.5 48.1, ...))"));
 * }</pre>
 */
public final class AreaFinding {

    /** The fewest edges a region may be limited to: the covering fallback is a rectangle. */
    public static final int MIN_EDGES = 4;

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final Topology topology;
    private final int maxEdges;
    private final SortedMap<String, Geometry> regions;
    private final Map<String, Integer> depths;

    private AreaFinding(
            Topology topology,
            int maxEdges,
            SortedMap<String, Geometry> regions,
            Map<String, Integer> depths) {
        this.topology = topology;
        this.maxEdges = maxEdges;
        this.regions = Collections.unmodifiableSortedMap(regions);
        this.depths = Map.copyOf(depths);
    }

    /**
     * Builds the region of every site that has devices in its subtree.
     *
     * @param topology the tree
     * @param devices the devices whose locations the regions cover
     * @param maxEdges the most edges a region may have, at least {@value #MIN_EDGES}
     * @return the finder
     * @throws IllegalArgumentException when {@code maxEdges} is below {@value #MIN_EDGES}
     */
    public static AreaFinding build(Topology topology, DeviceSites devices, int maxEdges) {
        if (maxEdges < MIN_EDGES) {
            throw new IllegalArgumentException(
                    "maxEdges is "
                            + maxEdges
                            + "; it must be at least "
                            + MIN_EDGES
                            + ", as an oversized hull is replaced by a covering rectangle");
        }
        Map<String, List<Coordinate>> points = new HashMap<>();
        for (Device device : devices.all()) {
            points.computeIfAbsent(device.site(), s -> new ArrayList<>())
                    .add(new Coordinate(device.location().lon(), device.location().lat()));
        }
        Map<String, Integer> depths = new HashMap<>();
        for (Site site : topology.sites()) {
            depths.put(site.id(), topology.ancestors(site.id()).size());
        }
        List<Site> bottomUp = new ArrayList<>(topology.sites());
        bottomUp.sort(
                Comparator.comparing((Site s) -> -depths.get(s.id())).thenComparing(Site::id));
        SortedMap<String, Geometry> regions = new TreeMap<>();
        for (Site site : bottomUp) {
            List<Coordinate> coordinates =
                    new ArrayList<>(points.getOrDefault(site.id(), List.of()));
            for (Site child : topology.children(site.id())) {
                Geometry region = regions.get(child.id());
                if (region != null) {
                    coordinates.addAll(List.of(region.getCoordinates()));
                }
            }
            if (!coordinates.isEmpty()) {
                regions.put(site.id(), region(coordinates, maxEdges));
            }
        }
        return new AreaFinding(topology, maxEdges, regions, depths);
    }

    private static Geometry region(List<Coordinate> coordinates, int maxEdges) {
        Geometry hull =
                new ConvexHull(coordinates.toArray(new Coordinate[0]), GEOMETRY).getConvexHull();
        if (edges(hull) <= maxEdges) {
            return hull;
        }
        Geometry rectangle = MinimumAreaRectangle.getMinimumRectangle(hull);
        return rectangle.covers(hull) ? rectangle : hull.getEnvelope();
    }

    /** The number of edges of a convex region: 0 for a point, 1 for a segment. */
    static int edges(Geometry convex) {
        if (convex instanceof Polygon polygon) {
            return polygon.getExteriorRing().getNumPoints() - 1;
        }
        if (convex instanceof LineString) {
            return 1;
        }
        return 0;
    }

    /** The most edges a region may have. */
    public int maxEdges() {
        return maxEdges;
    }

    /** The region of a site; empty when no device lies in its subtree. */
    public Optional<Geometry> region(String siteId) {
        topology.site(siteId);
        return Optional.ofNullable(regions.get(siteId));
    }

    /**
     * The deepest site whose region covers {@code area}; among equally deep ones the smallest id.
     *
     * @param area a geometry in longitude/latitude
     * @return that site, or the root when no region covers the area
     */
    public Site siteFor(Geometry area) {
        String best = null;
        for (Map.Entry<String, Geometry> entry : regions.entrySet()) {
            String id = entry.getKey();
            if ((best == null || depths.get(id) > depths.get(best))
                    && entry.getValue().covers(area)) {
                best = id;
            }
        }
        return best == null ? topology.root() : topology.site(best);
    }
}
