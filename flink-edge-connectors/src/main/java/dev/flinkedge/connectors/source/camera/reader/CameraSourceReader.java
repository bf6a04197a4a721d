package dev.flinkedge.connectors.source.camera.reader;

import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.policy.PolicyProvider;
import dev.flinkedge.connectors.source.camera.split.CameraSplit;
import dev.flinkedge.connectors.source.camera.split.CameraSplitState;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The camera source's reader: one fetcher thread runs a {@link CameraSplitReader} over all cameras
 * assigned to this subtask, and the task thread emits their frames. Owns the policy provider and
 * closes it with the reader.
 */
@Internal
@SuppressWarnings("try") // close() throws Exception as SourceReaderBase declares it
public final class CameraSourceReader
        extends SingleThreadMultiplexSourceReaderBase<
                CameraRecord, Frame, CameraSplit, CameraSplitState> {

    private static final Logger LOG = LoggerFactory.getLogger(CameraSourceReader.class);

    /**
     * Gauge: published policies ignored, by the reader's policy provider (unreadable, below the
     * minimum rate, not after the applied version) or by its cameras (above a camera's native rate
     * or size); see PolicyRules.
     */
    public static final String POLICIES_REJECTED = "policiesRejected";

    private final PolicyProvider policies;

    public CameraSourceReader(
            Supplier<SplitReader<CameraRecord, CameraSplit>> splitReaderSupplier,
            Configuration config,
            SourceReaderContext context,
            PolicyProvider policies,
            LongSupplier policiesUnfit) {
        super(splitReaderSupplier, new CameraRecordEmitter(), config, context);
        this.policies = policies;
        context.metricGroup()
                .gauge(
                        POLICIES_REJECTED,
                        () -> policies.policiesRejected() + policiesUnfit.getAsLong());
    }

    @Override
    protected void onSplitFinished(Map<String, CameraSplitState> finishedSplitIds) {
        finishedSplitIds.forEach(
                (id, state) ->
                        LOG.info("Camera '{}' finished after {} frames", id, state.nextSequence()));
    }

    @Override
    protected CameraSplitState initializedState(CameraSplit split) {
        LOG.debug("Camera '{}' assigned at sequence {}", split.splitId(), split.nextSequence());
        return new CameraSplitState(split);
    }

    @Override
    protected CameraSplit toSplitType(String splitId, CameraSplitState state) {
        return state.toSplit();
    }

    @Override
    public void close() throws Exception {
        try {
            super.close();
        } finally {
            policies.close();
        }
    }
}
