package dev.flinkedge.connectors.source.camera;

import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.registry.model.SourceSpec;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.util.Preconditions;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Admits a location when it lies inside (or on the border of) one of a range-based stream's areas:
 * WKT polygons in WGS84 with coordinates in {@code lon lat} order, validated like the registry
 * validates a RAW stream's areas. The polygons are prepared once (JTS {@link PreparedGeometry}) so
 * that testing many cameras is cheap.
 *
 * <pre>{@code
 * AreaFilter city = AreaFilter.of(List.of(
 *         "POLYGON((-0.2 51.4, 0.0 51.4, 0.0 51.6, -0.2 51.6, -0.2 51.4))"));
 * city.admits(new GeoPoint(51.5, -0.1)); // true
 * }</pre>
 */
@PublicEvolving
public final class AreaFilter implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String> areas;
    private transient List<PreparedGeometry> prepared;
    private transient GeometryFactory geometryFactory;

    private AreaFilter(List<String> areas) {
        this.areas = List.copyOf(areas);
    }

    /**
     * A filter over {@code wktAreas}.
     *
     * @throws IllegalArgumentException naming the area that is not a valid WGS84 polygon (the
     *     registry's {@code InvalidFieldException})
     */
    public static AreaFilter of(List<String> wktAreas) {
        Preconditions.checkNotNull(wktAreas, "wktAreas");
        Preconditions.checkArgument(!wktAreas.isEmpty(), "An area filter needs at least one area");
        for (int i = 0; i < wktAreas.size(); i++) {
            SourceSpec.parseArea("areas[" + i + "]", wktAreas.get(i));
        }
        return new AreaFilter(wktAreas);
    }

    /** The areas as given. */
    public List<String> areas() {
        return areas;
    }

    /** Whether {@code location} lies inside or on the border of any area. */
    public boolean admits(GeoPoint location) {
        if (prepared == null) {
            prepare();
        }
        Point p = geometryFactory.createPoint(new Coordinate(location.lon(), location.lat()));
        for (PreparedGeometry area : prepared) {
            if (area.covers(p)) {
                return true;
            }
        }
        return false;
    }

    private void prepare() {
        List<PreparedGeometry> out = new ArrayList<>(areas.size());
        for (int i = 0; i < areas.size(); i++) {
            out.add(
                    PreparedGeometryFactory.prepare(
                            SourceSpec.parseArea("areas[" + i + "]", areas.get(i))));
        }
        geometryFactory = new GeometryFactory();
        prepared = out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AreaFilter f && areas.equals(f.areas);
    }

    @Override
    public int hashCode() {
        return areas.hashCode();
    }

    @Override
    public String toString() {
        return "AreaFilter" + areas;
    }
}
