package dev.flinkedge.jobs.traffic;

import dev.flinkedge.connectors.model.GroundTruth;
import dev.flinkedge.jobs.vision.Box;

import java.io.Serializable;
import java.util.Objects;

/**
 * A licence plate read on one detected vehicle: the payload of the plate stream, whose records are
 * keyed by the plate (the vehicle's identity).
 *
 * @param frameSequence the frame's number in its camera's sequence
 * @param vehicleIndex the vehicle's index among the frame's detections
 * @param vehicleType detector class of the vehicle
 * @param vehicleBox where the vehicle is, in pixels of the frame
 * @param plate upper-case letters and digits, no spaces
 * @param confidence reading confidence in [0, 1]
 * @param truth the synthetic scene's object, or null
 */
public record PlateReading(
        long frameSequence,
        int vehicleIndex,
        String vehicleType,
        Box vehicleBox,
        String plate,
        float confidence,
        GroundTruth.TruthObject truth)
        implements Serializable {

    public PlateReading {
        Objects.requireNonNull(vehicleType, "vehicleType");
        Objects.requireNonNull(vehicleBox, "vehicleBox");
        if (plate == null || plate.isEmpty()) {
            throw new IllegalArgumentException("plate must not be empty");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException(
                    "confidence must be in [0, 1] but was " + confidence);
        }
    }

    /** Whether the reading equals the ground-truth plate (spaces ignored); false without truth. */
    public boolean matchesTruth() {
        return truth != null
                && truth.plate() != null
                && truth.plate().replace(" ", "").equals(plate);
    }
}
