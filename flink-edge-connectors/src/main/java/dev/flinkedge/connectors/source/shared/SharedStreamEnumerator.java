package dev.flinkedge.connectors.source.shared;

import dev.flinkedge.connectors.api.SharedChannel;
import dev.flinkedge.connectors.api.StreamAccessRevokedException;
import dev.flinkedge.connectors.api.StreamRetiredException;
import dev.flinkedge.connectors.runtime.RegistryWatcher;
import dev.flinkedge.registry.model.Guarantee;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;

import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.connector.kafka.source.enumerator.KafkaSourceEnumState;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.flink.util.FlinkRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The shared source's enumerator: Kafka's enumerator for the stream's topic, plus the job's lease
 * on the stream (taken at start, renewed periodically, released at close) and a watch on the
 * registry that fails the job with {@link StreamAccessRevokedException} the moment the owner
 * revokes the grant and with {@link StreamRetiredException} once the stream is RETIRED or deleted,
 * reports the stream's status as a metric and warns while it is ORPHANED ({@link
 * SubscribedStreamStatus}). A restarted reader of a LIVE stream resumes at the live end; of other
 * streams, at the offsets its splits came back with. Runs in the JobManager, once per job.
 */
final class SharedStreamEnumerator
        implements SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> {
    private static final Logger LOG = LoggerFactory.getLogger(SharedStreamEnumerator.class);

    private final SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> kafka;
    private final SplitEnumeratorContext<KafkaPartitionSplit> context;
    private final StreamRef stream;
    private final Guarantee guarantee;
    private final String reader;
    private final SharedChannel channel;
    private final int leaseSeconds;
    private final SubscribedStreamStatus status;
    private SubscriptionKeeper keeper;
    private RegistryWatcher watcher;
    private BiConsumer<StreamRef, Optional<StreamDescriptor>> streamListener;
    private boolean revoked;

    SharedStreamEnumerator(
            SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> kafka,
            SplitEnumeratorContext<KafkaPartitionSplit> context,
            StreamRef stream,
            Guarantee guarantee,
            String reader,
            SharedChannel channel,
            int leaseSeconds) {
        this.kafka = kafka;
        this.context = context;
        this.stream = stream;
        this.guarantee = guarantee;
        this.reader = reader;
        this.channel = channel;
        this.leaseSeconds = leaseSeconds;
        this.status = new SubscribedStreamStatus(stream, System::currentTimeMillis);
    }

    @Override
    public void start() {
        String jobId =
                context.metricGroup()
                        .getAllVariables()
                        .getOrDefault("<job_id>", "job-" + UUID.randomUUID());
        keeper = new SubscriptionKeeper(channel.newRegistryClient(), stream, jobId, leaseSeconds);
        try {
            watcher = RegistryWatcher.acquire(channel.registryKafka(), channel.registryTopic());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlinkRuntimeException("Interrupted while starting to watch the registry", e);
        }
        status.register(context.metricGroup());
        streamListener =
                (ref, now) -> {
                    if (ref.equals(stream)) {
                        // Fail from the coordinator thread: enumerator errors fail the job there.
                        context.callAsync(() -> null, (v, t) -> checkStream());
                    }
                };
        watcher.addListener(streamListener);
        checkStream();
        // Subscribe before Kafka's enumerator looks up the live end, so the tap is already writing
        // when the first offsets are chosen.
        context.callAsync(keeper::keep, this::onLease);
        // The keeper decides when to renew or, while the registry is unavailable, to retry.
        long tick = SubscriptionKeeper.TICK_MS;
        context.callAsync(keeper::keepIfDue, this::onLease, tick, tick);
        kafka.start();
    }

    private void onLease(SubscriptionKeeper.Outcome outcome, Throwable error) {
        if (error != null) {
            throw new FlinkRuntimeException("Lease on shared stream " + stream + " failed", error);
        }
        switch (outcome) {
            case REVOKED -> revoked = true;
            case RETIRED -> throw new StreamRetiredException(stream, false);
            case DELETED -> throw new StreamRetiredException(stream, true);
            default -> {}
        }
        // Also every tick, so that the warning about an ORPHANED stream can repeat.
        checkStream();
    }

    /** Coordinator thread: the stream's status from the registry's view, then the grant. */
    private void checkStream() {
        Optional<StreamDescriptor> now = watcher.state().get(stream);
        status.observe(now);
        if (revoked || !now.map(d -> d.isReadableBy(reader)).orElse(false)) {
            revoked = true;
            throw new StreamAccessRevokedException(stream, reader);
        }
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        kafka.handleSplitRequest(subtaskId, requesterHostname);
    }

    @Override
    public void addSplitsBack(List<KafkaPartitionSplit> splits, int subtaskId) {
        if (guarantee != Guarantee.LIVE) {
            // Replaying from the offsets the splits were assigned with loses nothing, as promised.
            kafka.addSplitsBack(splits, subtaskId);
            return;
        }
        // Without a checkpoint the splits come back with the offsets Kafka's enumerator resolved
        // when it first assigned them, which would replay everything since the job started; a
        // LIVE reader wants the newest data instead.
        LOG.info(
                "The LIVE reader of {} (subtask {}) restarts: it resumes at the live end",
                stream,
                subtaskId);
        kafka.addSplitsBack(
                splits.stream().map(SharedStreamEnumerator::atLiveEnd).toList(), subtaskId);
    }

    /** {@code split} from the live end, with its partition and stopping offset. */
    private static KafkaPartitionSplit atLiveEnd(KafkaPartitionSplit split) {
        return new KafkaPartitionSplit(
                split.getTopicPartition(),
                KafkaPartitionSplit.LATEST_OFFSET,
                split.getStoppingOffset().orElse(KafkaPartitionSplit.NO_STOPPING_OFFSET));
    }

    @Override
    public void addReader(int subtaskId) {
        kafka.addReader(subtaskId);
    }

    @Override
    public KafkaSourceEnumState snapshotState(long checkpointId) throws Exception {
        return kafka.snapshotState(checkpointId);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        kafka.notifyCheckpointComplete(checkpointId);
    }

    @Override
    public void close() throws IOException {
        try {
            if (watcher != null) {
                watcher.removeListener(streamListener);
                watcher.close();
            }
            if (keeper != null) {
                keeper.release();
            }
        } finally {
            kafka.close();
        }
    }
}
