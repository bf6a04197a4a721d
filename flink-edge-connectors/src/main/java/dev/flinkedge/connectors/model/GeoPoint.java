package dev.flinkedge.connectors.model;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;

/**
 * A WGS84 location: where a camera, a record or a site stands.
 *
 * @param lat latitude in degrees, [-90, 90]
 * @param lon longitude in degrees, [-180, 180]
 */
@PublicEvolving
public record GeoPoint(double lat, double lon) implements Serializable {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    /** Checks the ranges. */
    public GeoPoint {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("lat " + lat + " is outside [-90, 90]");
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("lon " + lon + " is outside [-180, 180]");
        }
    }

    /** Great-circle distance in metres (haversine). */
    public double distanceMetres(GeoPoint o) {
        double dLat = Math.toRadians(o.lat - lat);
        double dLon = Math.toRadians(o.lon - lon);
        double a =
                Math.sin(dLat / 2) * Math.sin(dLat / 2)
                        + Math.cos(Math.toRadians(lat))
                                * Math.cos(Math.toRadians(o.lat))
                                * Math.sin(dLon / 2)
                                * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
