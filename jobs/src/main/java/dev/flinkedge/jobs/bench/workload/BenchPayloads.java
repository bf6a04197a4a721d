package dev.flinkedge.jobs.bench.workload;

import dev.flinkedge.connectors.api.PayloadType;

import java.util.List;

/**
 * The payload classes of the benchmarks' operators, with their fixed ids in flink-edge's Kryo
 * format, declared by the benchmarks' operator factory ({@link FaultRelay}). They live in this
 * package, which the job jar carries, so that the factory loads on every TaskManager; the traffic
 * jobs' own payloads are {@link dev.flinkedge.jobs.JobPayloads}. Ids are part of the wire format:
 * never change or reuse one.
 */
public final class BenchPayloads {

    /** The declared types, ids 1010-1019. */
    public static final List<PayloadType> TYPES =
            List.of(
                    PayloadType.of(1010, SyntheticResult.class),
                    PayloadType.of(1011, FrameAnalysis.class),
                    PayloadType.of(1012, DetectedObject.class));

    private BenchPayloads() {}
}
