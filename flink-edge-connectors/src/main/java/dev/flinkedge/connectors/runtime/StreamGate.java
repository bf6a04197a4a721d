package dev.flinkedge.connectors.runtime;

import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.Subscription;

import org.apache.flink.annotation.Internal;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * Whether a tap should write its stream right now: open while the registry shows a live
 * subscription (until the latest lease's expiry) or the stream is durable. A gate of a producing
 * job also carries its {@link ProducerFence}, which tells whether another job holds the stream.
 * Updated by the {@link RegistryWatcher} thread; read per record with volatile loads and a clock
 * read.
 */
@Internal
public final class StreamGate implements AutoCloseable {

    private final StreamRef ref;
    private final RegistryWatcher watcher;
    private final LongSupplier clock;
    private final ProducerFence fence;
    private final BiConsumer<StreamRef, Optional<StreamDescriptor>> listener;
    private volatile long openUntilMs;

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
    public static StreamGate open(String bootstrapServers, String registryTopic, StreamRef ref)
            throws InterruptedException {
        return new StreamGate(
                ref,
                RegistryWatcher.acquire(bootstrapServers, registryTopic),
                System::currentTimeMillis,
                null);
    }

    /**
     * Opens the gate of the tap of job {@code jobId}, which also tells whether another job holds
     * the stream's production lease ({@link #anotherProducer()}).
     */
    public static StreamGate openForProducer(
            String bootstrapServers, String registryTopic, StreamRef ref, String jobId)
            throws InterruptedException {
        ProducerFence fence = new ProducerFence(jobId);
        return new StreamGate(
                ref,
                RegistryWatcher.acquire(bootstrapServers, registryTopic),
                System::currentTimeMillis,
                fence);
    }

    private void update(Optional<StreamDescriptor> now) {
        if (fence != null) {
            fence.update(now, clock.getAsLong());
        }
        long until = 0;
        if (now.isPresent()) {
            StreamDescriptor d = now.get();
            if (d.durable()) {
                until = Long.MAX_VALUE;
            } else {
                for (Subscription s : d.subscriptions()) {
                    until = Math.max(until, s.expiresAtMs());
                }
            }
        }
        openUntilMs = until;
    }

    /** Whether records should be written now. */
    public boolean isOpen() {
        return clock.getAsLong() < openUntilMs;
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
