package dev.flinkedge.jobs.testutil;

import dev.flinkedge.connectors.api.EdgeOperator;
import dev.flinkedge.connectors.api.EdgeOperatorFactory;
import dev.flinkedge.jobs.bench.workload.SyntheticCost;

import java.util.Map;

/**
 * The catalogue entry of {@link TaggingJob}'s operator, for host jobs that recompute its stream.
 */
public final class TagOperatorFactory implements EdgeOperatorFactory {
    private static final long serialVersionUID = 1L;

    private final EdgeOperatorFactory delegate = SyntheticCost.factory(TaggingJob.OPERATOR);

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String version() {
        return delegate.version();
    }

    @Override
    public EdgeOperator<?, ?> create(Map<String, String> params) {
        return delegate.create(params);
    }
}
