package dev.flinkedge.jobs.traffic;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What the detector found in one frame: the payload of the vehicle stream. A frame without vehicles
 * still yields a record (with none), so that counts know how many frames a window saw.
 *
 * @param frameSequence the frame's number in its camera's sequence
 * @param frameWidth width of the frame in pixels
 * @param frameHeight height of the frame in pixels
 * @param vehicles the vehicles, most confident first
 */
public record VehicleDetections(
        long frameSequence, int frameWidth, int frameHeight, List<DetectedVehicle> vehicles)
        implements Serializable {

    public VehicleDetections {
        if (frameWidth < 1 || frameHeight < 1) {
            throw new IllegalArgumentException(
                    "frame size must be positive but was " + frameWidth + "x" + frameHeight);
        }
        vehicles = List.copyOf(Objects.requireNonNull(vehicles, "vehicles"));
    }
}
