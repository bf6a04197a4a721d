package dev.flinkedge.jobs.traffic;

import dev.flinkedge.connectors.model.GroundTruth;
import dev.flinkedge.jobs.vision.Box;

import java.io.Serializable;
import java.util.Objects;

/**
 * Type and colour of one detected vehicle: the payload of the attribute stream.
 *
 * @param frameSequence the frame's number in its camera's sequence
 * @param vehicleIndex the vehicle's index among the frame's detections
 * @param type the detector class, e.g. {@code truck}
 * @param typeConfidence the detector's score for it
 * @param colour dominant colour name, e.g. {@code red}
 * @param box where the vehicle is, in pixels of the frame
 * @param truth the synthetic scene's object, or null
 */
public record VehicleAttributes(
        long frameSequence,
        int vehicleIndex,
        String type,
        float typeConfidence,
        String colour,
        Box box,
        GroundTruth.TruthObject truth)
        implements Serializable {

    public VehicleAttributes {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(box, "box");
    }
}
