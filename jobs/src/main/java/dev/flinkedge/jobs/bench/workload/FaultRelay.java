package dev.flinkedge.jobs.bench.workload;

import dev.flinkedge.connectors.api.EdgeOperator;
import dev.flinkedge.connectors.api.EdgeOperatorFactory;
import dev.flinkedge.connectors.api.PayloadType;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The fault suite's shared operator, {@value #NAME}: a free {@link SyntheticCost} whose {@code
 * stream} tag keeps the streams of one owner apart (one per delivery guarantee). Listed in the job
 * jar's operator catalogue, so that a host job can recompute a fault suite stream from its lineage
 * when the stream supervisor re-hosts it.
 */
public final class FaultRelay implements EdgeOperatorFactory {
    private static final long serialVersionUID = 1L;

    /** The operator's name in lineages. */
    public static final String NAME = "fault-relay";

    private static final String STREAM_TAG = "stream";

    /** The relay of the stream tagged {@code tag}, e.g. {@code exactly-once}. */
    public static SyntheticCost of(String tag) {
        return new SyntheticCost(NAME, Duration.ZERO, Map.of(STREAM_TAG, tag));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<PayloadType> payloadTypes() {
        return BenchPayloads.TYPES;
    }

    @Override
    public EdgeOperator<?, ?> create(Map<String, String> params) {
        return SyntheticCost.factory(NAME).create(params);
    }
}
