package dev.flinkedge.connectors.runtime;

import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;

import org.apache.flink.annotation.Internal;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * Whether a tap should write its stream right now: open while the registry keeps a subscription of
 * the stream, or the stream is durable. A subscription ends when the registry deletes it: its job
 * released it, or the registry's sweep found its lease expired. The gate does not expire leases by
 * its own clock, because while the registry is down nobody can renew them: then the tap keeps
 * writing for the subscribers that still run, and the registry, back, gives them one lease to renew
 * before its sweep ends their subscriptions. A gate of a producing job also carries its {@link
 * ProducerFence}, which tells whether another job holds the stream. Updated by the {@link
 * RegistryWatcher} thread; read per record with a volatile load.
 */
@Internal
public final class StreamGate implements AutoCloseable {

    private final StreamRef ref;
    private final RegistryWatcher watcher;
    private final LongSupplier clock;
    private final ProducerFence fence;
    private final BiConsumer<StreamRef, Optional<StreamDescriptor>> listener;
    private volatile boolean open;

    StreamGate(StreamRef ref, RegistryWatcher watcher, LongSupplier clock, ProducerFence fence) {
        this.ref = ref;
        this.watcher = watcher;
        this.clock = clock;
        this.fence = fence;
        this.listener =
                (changed, now) -> {
                    if (changed.equals(ref)) {
                        update(now);
                    }
                };
        watcher.addListener(listener);
        update(watcher.state().get(ref));
    }

    /** Opens a gate for {@code ref} on a shared watcher; close it to release the watcher. */
    public static StreamGate open(KafkaClientConfig kafka, String registryTopic, StreamRef ref)
            throws InterruptedException {
        return new StreamGate(
                ref,
                RegistryWatcher.acquire(kafka, registryTopic),
                System::currentTimeMillis,
                null);
    }

    /**
     * Opens the gate of the tap of job {@code jobId}, which also tells whether another job holds
     * the stream's production lease ({@link #anotherProducer()}).
     */
    public static StreamGate openForProducer(
            KafkaClientConfig kafka, String registryTopic, StreamRef ref, String jobId)
            throws InterruptedException {
        ProducerFence fence = new ProducerFence(jobId);
        return new StreamGate(
                ref,
                RegistryWatcher.acquire(kafka, registryTopic),
                System::currentTimeMillis,
                fence);
    }

    private void update(Optional<StreamDescriptor> now) {
        if (fence != null) {
            fence.update(now, clock.getAsLong());
        }
        open =
                now.isPresent()
                        && (now.get().durable()
                                || !watcher.state().storedSubscriptions(ref).isEmpty());
    }

    /** Whether records should be written now. */
    public boolean isOpen() {
        return open;
    }

    /** Whether another job holds the stream's production lease, so nothing may be written. */
    public boolean anotherProducer() {
        return fence != null && fence.isClosed();
    }

    @Override
    public void close() {
        watcher.removeListener(listener);
        watcher.close();
    }
}
