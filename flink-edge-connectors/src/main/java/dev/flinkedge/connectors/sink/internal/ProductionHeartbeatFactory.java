package dev.flinkedge.connectors.sink.internal;

import dev.flinkedge.connectors.api.SharedChannel;
import dev.flinkedge.registry.model.StreamRef;

import org.apache.flink.annotation.Internal;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.operators.coordination.OperatorCoordinator;
import org.apache.flink.streaming.api.operators.CoordinatedOperatorFactory;
import org.apache.flink.streaming.api.operators.OneInputStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.SimpleUdfStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.StreamMap;

/**
 * The operator that keeps a producing job's lease on the stream its tap writes: a {@link
 * ProductionHeartbeat} in the tap's task, which renews, and a {@link ProductionRelease} coordinator
 * in the JobManager, which releases when the job ends.
 *
 * <pre>{@code
 * out.transform("lease:" + ref, out.getType(), new ProductionHeartbeatFactory<>(ref, channel))
 *         .sinkTo(tap);
 * }</pre>
 *
 * @param <T> record type, passed through unchanged
 */
@Internal
public final class ProductionHeartbeatFactory<T> extends SimpleUdfStreamOperatorFactory<T>
        implements CoordinatedOperatorFactory<T>, OneInputStreamOperatorFactory<T, T> {
    private static final long serialVersionUID = 1L;

    private final StreamRef stream;
    private final SharedChannel channel;

    public ProductionHeartbeatFactory(StreamRef stream, SharedChannel channel) {
        super(new StreamMap<>(new ProductionHeartbeat<T>(stream, channel)));
        this.stream = stream;
        this.channel = channel;
    }

    @Override
    public OperatorCoordinator.Provider getCoordinatorProvider(
            String operatorName, OperatorID operatorId) {
        return new ProductionRelease.Provider(operatorId, stream, channel);
    }
}
