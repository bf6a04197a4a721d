package dev.flinkedge.jobs.traffic;

import com.fasterxml.jackson.annotation.JsonIgnore;

import dev.flinkedge.connectors.model.GroundTruth;
import dev.flinkedge.jobs.vision.Box;

import java.awt.image.BufferedImage;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * One vehicle found in a frame, with its picture: the crop travels with the detection as JPEG so
 * that plate and attribute jobs reading a shared detection stream need no frame.
 *
 * @param index position in the frame's detections, most confident first, from 0
 * @param label detector class, e.g. {@code car}
 * @param confidence detector score in [0, 1]
 * @param box where, in pixels of the frame
 * @param crop the box's pixels as JPEG (left out of JSON results); copied in and out
 * @param truth the synthetic scene's object this detection matches, or null (real cameras, or no
 *     match)
 */
public record DetectedVehicle(
        int index,
        String label,
        float confidence,
        Box box,
        @JsonIgnore byte[] crop,
        GroundTruth.TruthObject truth)
        implements Serializable {

    public DetectedVehicle {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0 but was " + index);
        }
        Objects.requireNonNull(label, "label");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException(
                    "confidence must be in [0, 1] but was " + confidence);
        }
        Objects.requireNonNull(box, "box");
        crop = Objects.requireNonNull(crop, "crop").clone();
    }

    /** A copy of the crop's JPEG bytes. */
    @Override
    @JsonIgnore
    public byte[] crop() {
        return crop.clone();
    }

    /** The crop as an image. */
    public BufferedImage cropImage() {
        return VehicleImages.decodeJpeg(crop);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DetectedVehicle v
                && index == v.index
                && confidence == v.confidence
                && label.equals(v.label)
                && box.equals(v.box)
                && Arrays.equals(crop, v.crop)
                && Objects.equals(truth, v.truth);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, label, confidence, box, Arrays.hashCode(crop), truth);
    }

    @Override
    public String toString() {
        return "DetectedVehicle{#"
                + index
                + " "
                + label
                + " "
                + confidence
                + " "
                + box
                + " "
                + crop.length
                + "B JPEG"
                + (truth == null ? "" : " truth " + truth.objectId())
                + "}";
    }
}
