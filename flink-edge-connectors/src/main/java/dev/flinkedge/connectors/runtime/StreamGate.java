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
 * subscription (until the latest lease's expiry) or the stream is durable. Updated by the {@link
 * RegistryWatcher} thread; read per record with one volatile load and a clock read.
 */
@Internal
public final class StreamGate implements AutoCloseable {

    private final StreamRef ref;
    private final RegistryWatcher watcher;
    private final LongSupplier clock;
    private final BiConsumer<StreamRef, Optional<StreamDescriptor>> listener;
    private volatile long openUntilMs;

    StreamGate(StreamRef ref, RegistryWatcher watcher, LongSupplier clock) {
        this.ref = ref;
        this.watcher = watcher;
        this.clock = clock;
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
                System::currentTimeMillis);
    }

    private void update(Optional<StreamDescriptor> now) {
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

    @Override
    public void close() {
        watcher.removeListener(listener);
        watcher.close();
    }
}
