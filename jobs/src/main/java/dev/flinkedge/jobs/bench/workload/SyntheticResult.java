package dev.flinkedge.jobs.bench.workload;

import java.util.Objects;

/**
 * Output of {@link SyntheticCost}: which operator chain produced what for which frame. A Flink POJO
 * (public fields, no-arg constructor) so that it needs no generic serializer.
 */
public class SyntheticResult {

    /** Camera of the frame the chain started from. */
    public String cameraId;

    /** Sequence number of that frame. */
    public long sequence;

    /**
     * Deterministic result: the operator chain applied, e.g. {@code recognise(detect(cam-1#5))}.
     */
    public String value;

    public SyntheticResult() {}

    public SyntheticResult(String cameraId, long sequence, String value) {
        this.cameraId = cameraId;
        this.sequence = sequence;
        this.value = value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SyntheticResult r
                && sequence == r.sequence
                && Objects.equals(cameraId, r.cameraId)
                && Objects.equals(value, r.value);
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
