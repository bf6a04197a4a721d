package dev.flinkedge.jobs.traffic;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The traffic of one nearby area, delivered to one vehicle: the payload of the delivery stream,
 * keyed by the vehicle.
 *
 * @param vehicle the vehicle's identity (its plate)
 * @param area the area's id
 * @param windowStartMs window start, epoch millis, inclusive
 * @param windowEndMs window end, epoch millis, exclusive
 * @param cameras the area's cameras counted
 * @param vehicles vehicle sightings in the area in the window
 * @param meanInView vehicles the area's cameras see at a time, on average
 */
public record TrafficMessage(
        String vehicle,
        String area,
        long windowStartMs,
        long windowEndMs,
        List<String> cameras,
        int vehicles,
        double meanInView)
        implements Serializable {

    public TrafficMessage {
        Objects.requireNonNull(vehicle, "vehicle");
        Objects.requireNonNull(area, "area");
        cameras = List.copyOf(Objects.requireNonNull(cameras, "cameras"));
    }
}
