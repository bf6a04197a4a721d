package dev.flinkedge.connectors.model;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable, ordered (stage name → epoch millis) timestamps a record collects on its way through a
 * pipeline: {@code capture}, {@code detect}, {@code sink}, … The scheduler's latency metrics are
 * computed from them. Appending returns a new instance; records are never mutated in place.
 */
@PublicEvolving
public final class StageTimes implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final StageTimes EMPTY = new StageTimes(new String[0], new long[0]);

    private final String[] stages;
    private final long[] times;

    private StageTimes(String[] stages, long[] times) {
        this.stages = stages;
        this.times = times;
    }

    /** No stages yet. */
    public static StageTimes empty() {
        return EMPTY;
    }

    /** Rebuilds from parallel arrays (serializers); the arrays are copied. */
    public static StageTimes of(String[] stages, long[] times) {
        if (stages.length != times.length) {
            throw new IllegalArgumentException(
                    stages.length + " stage names but " + times.length + " times");
        }
        return stages.length == 0 ? EMPTY : new StageTimes(stages.clone(), times.clone());
    }

    /** A copy with {@code stage} stamped at {@code epochMillis}, appended. */
    public StageTimes with(String stage, long epochMillis) {
        Objects.requireNonNull(stage, "stage");
        String[] s = Arrays.copyOf(stages, stages.length + 1);
        long[] t = Arrays.copyOf(times, times.length + 1);
        s[stages.length] = stage;
        t[times.length] = epochMillis;
        return new StageTimes(s, t);
    }

    /** The time of the last stamp named {@code stage}, or -1. */
    public long get(String stage) {
        for (int i = stages.length - 1; i >= 0; i--) {
            if (stages[i].equals(stage)) {
                return times[i];
            }
        }
        return -1;
    }

    public int size() {
        return stages.length;
    }

    public String stage(int i) {
        return stages[i];
    }

    public long time(int i) {
        return times[i];
    }

    /** A (stage → time) view in stamp order; a repeated stage keeps its last time. */
    public Map<String, Long> asMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < stages.length; i++) {
            m.put(stages[i], times[i]);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StageTimes s
                && Arrays.equals(stages, s.stages)
                && Arrays.equals(times, s.times);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(stages) + Arrays.hashCode(times);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
