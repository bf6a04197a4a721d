package dev.flinkedge.scheduler.placement;

import dev.flinkedge.connectors.model.GeoPoint;

import java.util.Objects;

/**
 * A device (camera, sensor) attached to a site of the topology, where its data enters the tree.
 *
 * @param id the device id, as in a stream's source devices
 * @param site the id of the site the device is attached to
 * @param location where the device stands
 */
public record Device(String id, String site, GeoPoint location) {

    /** Checks that every field is present; messages name the device. */
    public Device {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("device id is missing; give every device an id");
        }
        if (site == null || site.isBlank()) {
            throw new IllegalArgumentException(
                    "device '" + id + "' has no site; name the site" + " it is attached to");
        }
        Objects.requireNonNull(location, () -> "device '" + id + "': location");
    }
}
