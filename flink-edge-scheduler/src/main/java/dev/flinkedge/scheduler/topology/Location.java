package dev.flinkedge.scheduler.topology;

/**
 * Where a site stands: a WGS84 latitude and longitude in degrees.
 *
 * @param lat latitude, in [-90, 90]
 * @param lon longitude, in [-180, 180]
 */
public record Location(double lat, double lon) {

    /** Checks the ranges. */
    public Location {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("lat " + lat + " is outside [-90, 90]");
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("lon " + lon + " is outside [-180, 180]");
        }
    }
}
