package dev.flinkedge.connectors.model;

import dev.flinkedge.connectors.serialization.FrameTypeInfoFactory;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.Arrays;
import java.util.Objects;

/**
 * One camera frame: the encoded image plus everything needed to process it and to measure the
 * pipeline — camera, location, capture time, sequence number, per-stage timestamps, and for
 * synthetic scenes the ground truth. Immutable; the image array is not copied for speed, so callers
 * must not modify it. Serialized by flink-edge's Kryo serializer wherever Flink meets the type (the
 * annotation needs no registration; {@code EdgeSerialization} registers the same factory through
 * {@code pipeline.serialization-config}).
 */
@TypeInfo(FrameTypeInfoFactory.class)
@PublicEvolving
public final class Frame implements EdgeData, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** How {@link #image()} is encoded. */
    public enum Encoding {
        JPEG,
        PNG,
        /** Raw 8-bit BGR pixels, row-major, width × height × 3 bytes. */
        RAW_BGR
    }

    private final byte[] image;
    private final Encoding encoding;
    private final int width;
    private final int height;
    private final String cameraId;
    private final GeoPoint location;
    private final long captureTimeMs;
    private final long sequence;
    private final StageTimes stageTimes;
    private final GroundTruth groundTruth;

    public Frame(
            byte[] image,
            Encoding encoding,
            int width,
            int height,
            String cameraId,
            GeoPoint location,
            long captureTimeMs,
            long sequence,
            StageTimes stageTimes,
            GroundTruth groundTruth) {
        this.image = Objects.requireNonNull(image, "image");
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(
                    "Frame size " + width + "x" + height + " must be positive");
        }
        if (encoding == Encoding.RAW_BGR && image.length != width * height * 3) {
            throw new IllegalArgumentException(
                    "RAW_BGR frame "
                            + width
                            + "x"
                            + height
                            + " needs "
                            + width * height * 3
                            + " bytes, got "
                            + image.length);
        }
        this.width = width;
        this.height = height;
        this.cameraId = Objects.requireNonNull(cameraId, "cameraId");
        this.location = Objects.requireNonNull(location, "location");
        this.captureTimeMs = captureTimeMs;
        this.sequence = sequence;
        this.stageTimes = stageTimes == null ? StageTimes.empty() : stageTimes;
        this.groundTruth = groundTruth;
    }

    public byte[] image() {
        return image;
    }

    public Encoding encoding() {
        return encoding;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public String cameraId() {
        return cameraId;
    }

    public long captureTimeMs() {
        return captureTimeMs;
    }

    /** Position of this frame in its camera's delivered sequence, from 0, without gaps. */
    public long sequence() {
        return sequence;
    }

    /** Ground truth of a synthetic frame, or null. */
    public GroundTruth groundTruth() {
        return groundTruth;
    }

    @Override
    public String sourceId() {
        return cameraId;
    }

    @Override
    public String key() {
        return cameraId;
    }

    @Override
    public GeoPoint location() {
        return location;
    }

    @Override
    public long eventTimeMs() {
        return captureTimeMs;
    }

    @Override
    public StageTimes stageTimes() {
        return stageTimes;
    }

    /** A copy stamped with {@code stage} at {@code epochMillis}. */
    public Frame withStage(String stage, long epochMillis) {
        return new Frame(
                image,
                encoding,
                width,
                height,
                cameraId,
                location,
                captureTimeMs,
                sequence,
                stageTimes.with(stage, epochMillis),
                groundTruth);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f
                && width == f.width
                && height == f.height
                && captureTimeMs == f.captureTimeMs
                && sequence == f.sequence
                && encoding == f.encoding
                && cameraId.equals(f.cameraId)
                && location.equals(f.location)
                && stageTimes.equals(f.stageTimes)
                && Objects.equals(groundTruth, f.groundTruth)
                && Arrays.equals(image, f.image);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cameraId, sequence, captureTimeMs);
    }

    @Override
    public String toString() {
        return "Frame{"
                + cameraId
                + "#"
                + sequence
                + " "
                + width
                + "x"
                + height
                + " "
                + encoding
                + " "
                + image.length
                + "B @"
                + captureTimeMs
                + "}";
    }
}
