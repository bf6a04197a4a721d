package dev.flinkedge.jobs.traffic;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Vehicles one camera saw in one fixed window: the payload of the count stream. A vehicle in view
 * for three frames counts three times ({@code vehicles} counts sightings, as the Edge-Stream
 * paper's VCnt does); {@code peak} is the most seen in one frame.
 *
 * @param windowStartMs window start, epoch millis, inclusive
 * @param windowEndMs window end, epoch millis, exclusive
 * @param frames frames the camera delivered in the window, at least 1
 * @param vehicles vehicle sightings over those frames
 * @param peak most vehicles in one frame
 * @param byType sightings per type, sorted by type, types with none left out
 */
public record VehicleCount(
        long windowStartMs,
        long windowEndMs,
        int frames,
        int vehicles,
        int peak,
        List<TypeCount> byType)
        implements Serializable {

    public VehicleCount {
        if (windowEndMs <= windowStartMs) {
            throw new IllegalArgumentException(
                    "window [" + windowStartMs + ", " + windowEndMs + ") is empty");
        }
        if (frames < 1 || vehicles < 0 || peak < 0 || peak > vehicles) {
            throw new IllegalArgumentException(
                    "need frames >= 1 and 0 <= peak <= vehicles, got"
                            + " frames "
                            + frames
                            + ", vehicles "
                            + vehicles
                            + ", peak "
                            + peak);
        }
        byType = List.copyOf(Objects.requireNonNull(byType, "byType"));
        int sum = byType.stream().mapToInt(TypeCount::vehicles).sum();
        if (sum != vehicles) {
            throw new IllegalArgumentException(
                    "byType " + byType + " adds up to " + sum + ", not " + vehicles);
        }
    }

    /** Mean vehicles in view per frame. */
    public double meanInView() {
        return (double) vehicles / frames;
    }
}
