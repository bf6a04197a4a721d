package dev.flinkedge.connectors.testutil;

import java.util.Objects;

/**
 * Output of {@link TaggingOperator}: which operators ran, in which order, on which frame. A Flink
 * POJO (public fields, no-arg constructor), so that jobs run with generic types disabled.
 */
public class Tagged {

    /** Camera of the frame the chain started from. */
    public String cameraId;

    /** Sequence number of that frame. */
    public long sequence;

    /** The operators applied, the first one innermost, e.g. {@code recognise(detect(cam-1#5))}. */
    public String value;

    public Tagged() {}

    public Tagged(String cameraId, long sequence, String value) {
        this.cameraId = cameraId;
        this.sequence = sequence;
        this.value = value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tagged t
                && sequence == t.sequence
                && Objects.equals(cameraId, t.cameraId)
                && Objects.equals(value, t.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cameraId, sequence, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
