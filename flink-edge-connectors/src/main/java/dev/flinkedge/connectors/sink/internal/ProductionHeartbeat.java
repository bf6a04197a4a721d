package dev.flinkedge.connectors.sink.internal;

import dev.flinkedge.connectors.api.SharedChannel;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.model.StreamRef;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

import java.time.Duration;

/**
 * Passes a tap's records through unchanged and, on the first subtask, keeps the job's production
 * lease on the tapped stream with a {@link ProductionLeaseKeeper}. It runs in the tap's task
 * (chained to it), so the lease is renewed exactly while the tap can write: a job whose tap is not
 * running — cancelled, failed, or restarting without the slots it needs — stops renewing and the
 * stream turns ORPHANED. Closing does not release the lease, because tasks close on every restart
 * too; the job's end releases it: {@link ProductionRelease}, the coordinator {@link
 * ProductionHeartbeatFactory} gives this operator in the JobManager.
 *
 * @param <T> record type
 */
@Internal
public final class ProductionHeartbeat<T> extends RichMapFunction<T, T> {
    private static final long serialVersionUID = 1L;

    /** Requests to the registry give up after this, so a hung registry only delays a retry. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final StreamRef stream;
    private final SharedChannel channel;
    private transient ProductionLeaseKeeper keeper;

    public ProductionHeartbeat(StreamRef stream, SharedChannel channel) {
        this.stream = stream;
        this.channel = channel;
    }

    @Override
    public void open(OpenContext openContext) {
        if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() != 0) {
            return;
        }
        RegistryClient registry = channel.newRegistryClient(REQUEST_TIMEOUT);
        keeper =
                new ProductionLeaseKeeper(
                        registry, stream, getRuntimeContext().getJobInfo().getJobId().toString());
        keeper.start();
    }

    @Override
    public T map(T value) {
        return value;
    }

    @Override
    public void close() {
        if (keeper != null) {
            keeper.close();
            keeper = null;
        }
    }
}
