package dev.flinkedge.jobs.traffic;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Traffic in one area in one window, summed over the area's cameras: the payload of the per-area
 * stream.
 *
 * @param area the area's id
 * @param windowStartMs window start, epoch millis, inclusive
 * @param windowEndMs window end, epoch millis, exclusive
 * @param cameras the cameras counted, sorted
 * @param frames frames of those cameras in the window
 * @param vehicles vehicle sightings of those cameras in the window
 * @param meanInView the sum over cameras of their mean vehicles in view: how many vehicles the
 *     area's cameras see at a time
 */
public record AreaTraffic(
        String area,
        long windowStartMs,
        long windowEndMs,
        List<String> cameras,
        int frames,
        int vehicles,
        double meanInView)
        implements Serializable {

    public AreaTraffic {
        Objects.requireNonNull(area, "area");
        if (windowEndMs <= windowStartMs) {
            throw new IllegalArgumentException(
                    "window [" + windowStartMs + ", " + windowEndMs + ") is empty");
        }
        cameras = List.copyOf(Objects.requireNonNull(cameras, "cameras"));
        if (cameras.isEmpty() || frames < 1 || vehicles < 0 || !(meanInView >= 0)) {
            throw new IllegalArgumentException(
                    "area "
                            + area
                            + " needs cameras, frames >= 1 and"
                            + " non-negative counts, got "
                            + cameras
                            + ", "
                            + frames
                            + ", "
                            + vehicles
                            + ", "
                            + meanInView);
        }
    }
}
