package dev.flinkedge.registry.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a raw stream's data comes from: either a list of device ids (device-based) or a list of
 * areas as WKT polygons in WGS84 longitude/latitude (range-based: any device inside joins).
 *
 * @param devices device ids, or empty
 * @param areas WKT {@code POLYGON}/{@code MULTIPOLYGON}s, or empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SourceSpec(List<String> devices, List<String> areas) implements Serializable {

    private static final Pattern DEVICE_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.:-]{0,127}");
    private static final int MAX_ENTRIES = 10_000;
    private static final int MAX_WKT_LENGTH = 100_000;

    public SourceSpec {
        devices = devices == null ? List.of() : List.copyOf(devices);
        areas = areas == null ? List.of() : List.copyOf(areas);
        if (devices.isEmpty() == areas.isEmpty()) {
            throw new InvalidFieldException(
                    "source",
                    "give exactly one of 'devices' (device-based) or 'areas' (range-based)");
        }
        if (devices.size() > MAX_ENTRIES || areas.size() > MAX_ENTRIES) {
            throw new InvalidFieldException("source", "at most " + MAX_ENTRIES + " entries");
        }
        for (int i = 0; i < devices.size(); i++) {
            String d = devices.get(i);
            if (d == null || !DEVICE_ID.matcher(d).matches()) {
                throw new InvalidFieldException(
                        "source.devices[" + i + "]",
                        "'" + d + "' does not match " + DEVICE_ID.pattern());
            }
        }
        for (int i = 0; i < areas.size(); i++) {
            parseArea("source.areas[" + i + "]", areas.get(i));
        }
    }

    /** A device-based source. */
    public static SourceSpec devices(List<String> devices) {
        return new SourceSpec(devices, List.of());
    }

    /** A range-based source. */
    public static SourceSpec areas(List<String> wktPolygons) {
        return new SourceSpec(List.of(), wktPolygons);
    }

    /**
     * Parses and validates one area: a non-empty, valid (OGC simple features) polygon or
     * multipolygon with longitudes in [-180, 180] and latitudes in [-90, 90].
     */
    public static Geometry parseArea(String field, String wkt) {
        if (wkt == null || wkt.isBlank()) {
            throw new InvalidFieldException(field, "is empty; expected a WKT POLYGON");
        }
        if (wkt.length() > MAX_WKT_LENGTH) {
            throw new InvalidFieldException(field, "WKT longer than " + MAX_WKT_LENGTH + " chars");
        }
        Geometry g;
        try {
            g = new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new InvalidFieldException(field, "not valid WKT: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // JTS rejects some malformed geometries (an unclosed ring) while building them.
            throw new InvalidFieldException(field, "not a valid polygon: " + e.getMessage());
        }
        if (!(g instanceof Polygonal) || g.isEmpty()) {
            throw new InvalidFieldException(
                    field, "is a " + g.getGeometryType() + "; expected a non-empty POLYGON");
        }
        if (!g.isValid()) {
            throw new InvalidFieldException(
                    field, "is not a valid polygon (self-intersecting or unclosed ring)");
        }
        var env = g.getEnvelopeInternal();
        if (env.getMinX() < -180
                || env.getMaxX() > 180
                || env.getMinY() < -90
                || env.getMaxY() > 90) {
            throw new InvalidFieldException(
                    field, "lies outside lon [-180,180] / lat [-90,90]; coordinates are 'lon lat'");
        }
        return g;
    }
}
