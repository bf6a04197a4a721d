package dev.flinkedge.jobs.bench.workload;

import dev.flinkedge.connectors.model.GroundTruth;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What the benchmark's pipeline made of one frame: the vehicles found, with plates read on some of
 * them, and the frame's ground truth so that the result can be scored after the run.
 *
 * @param site the site that analysed the frame
 * @param width width of the frame as delivered
 * @param height height of the frame as delivered
 * @param objects the vehicles found, most confident first
 * @param truth what the frame really shows, in its pixels; null for frames without ground truth
 */
public record FrameAnalysis(
        String site, int width, int height, List<DetectedObject> objects, GroundTruth truth)
        implements Serializable {

    /** Checks the fields and copies the list. */
    public FrameAnalysis {
        Objects.requireNonNull(site, "site");
        objects = List.copyOf(objects);
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(
                    "frame size " + width + "x" + height + " must be positive");
        }
    }
}
