package dev.flinkedge.connectors.source.camera;

import dev.flinkedge.connectors.model.GeoPoint;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One camera of a deployment: its id (the data sequence's source id), where it stands, and how to
 * read it. A camera source turns each into one split.
 *
 * @param id camera id: letters, digits and {@code _ . : -}, at most 128 characters
 * @param location where the camera stands
 * @param spec how to read it
 */
@PublicEvolving
public record CameraDevice(String id, GeoPoint location, CameraSpec spec) implements Serializable {

    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.:-]{0,127}");

    public CameraDevice {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "Camera id '" + id + "' does not match " + ID.pattern());
        }
        if (location == null) {
            throw new IllegalArgumentException("Camera '" + id + "' needs a location {lat, lon}");
        }
        if (spec == null) {
            throw new IllegalArgumentException("Camera '" + id + "' needs a spec {kind, ...}");
        }
    }
}
