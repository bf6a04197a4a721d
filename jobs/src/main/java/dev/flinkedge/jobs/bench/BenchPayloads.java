package dev.flinkedge.jobs.bench;

import dev.flinkedge.connectors.api.PayloadType;
import dev.flinkedge.jobs.bench.scheduler.DetectedObject;
import dev.flinkedge.jobs.bench.scheduler.FrameAnalysis;
import dev.flinkedge.jobs.bench.workload.SyntheticResult;

import java.util.List;

/**
 * The payload classes of the benchmarks' operators, with their fixed ids in flink-edge's Kryo
 * format, declared by the benchmarks' operator factory. The traffic jobs' own payloads are {@link
 * dev.flinkedge.jobs.JobPayloads}; these stay here so that the packaged jobs never depend on the
 * benchmarks. Ids are part of the wire format: never change or reuse one.
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
