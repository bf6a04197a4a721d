package dev.flinkedge.jobs.bench.workload;

import dev.flinkedge.jobs.vision.Box;

import java.io.Serializable;
import java.util.Objects;

/**
 * One vehicle the benchmark's analysis found in a frame.
 *
 * @param label the detector's class, e.g. {@code car}
 * @param confidence the detector's score, in [0, 1]
 * @param box where, in pixels of the frame as delivered
 * @param plate the plate text read on it (letters and digits, no spaces), empty when a reading
 *     found no plate, null when no reading was tried
 */
public record DetectedObject(String label, float confidence, Box box, String plate)
        implements Serializable {

    /** Checks the fields. */
    public DetectedObject {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(box, "box");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException(
                    "confidence " + confidence + " of a " + label + " must be in [0, 1]");
        }
    }

    /** This object with its box mapped by the scale factors (e.g. to the camera's native size). */
    public DetectedObject scaled(double sx, double sy) {
        int x0 = (int) Math.floor(box.x() * sx);
        int y0 = (int) Math.floor(box.y() * sy);
        int x1 = (int) Math.ceil((box.x() + box.width()) * sx);
        int y1 = (int) Math.ceil((box.y() + box.height()) * sy);
        return new DetectedObject(
                label,
                confidence,
                new Box(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0)),
                plate);
    }
}
