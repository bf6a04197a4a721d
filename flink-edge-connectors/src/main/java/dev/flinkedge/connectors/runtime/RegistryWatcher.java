package dev.flinkedge.connectors.runtime;

import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.storage.RegistryLogReader;
import dev.flinkedge.registry.storage.RegistryState;

import org.apache.flink.annotation.Internal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * A JVM-wide, reference-counted view of one registry topic: one Kafka consumer thread per (cluster,
 * topic) in a TaskManager or JobManager, however many taps and shared sources watch it. Lets the
 * data plane react to subscriptions and revocations as soon as they are committed, without polling
 * the REST API.
 */
@Internal
public final class RegistryWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryWatcher.class);
    private static final Map<Key, RegistryWatcher> SHARED = new HashMap<>();

    /** Watchers are shared per cluster, credentials and topic: one owner never reads as another. */
    private record Key(KafkaClientConfig kafka, String topic) {}

    private final Key key;
    private final RegistryState state = new RegistryState();
    private final RegistryLogReader reader;
    private final List<BiConsumer<StreamRef, Optional<StreamDescriptor>>> listeners =
            new CopyOnWriteArrayList<>();
    private int references;

    private RegistryWatcher(Key key) {
        this.key = key;
        state.addListener((ref, now) -> listeners.forEach(l -> l.accept(ref, now)));
        this.reader =
                new RegistryLogReader(
                        key.kafka(), key.topic(), state, "flinkedge-watcher-" + key.topic());
    }

    /**
     * Returns the watcher of {@code topic} in the cluster {@code kafka} reaches, starting it (and
     * replaying the topic) on first use. Each call must be paired with {@link #close()}.
     */
    public static RegistryWatcher acquire(KafkaClientConfig kafka, String topic)
            throws InterruptedException {
        Key id = new Key(kafka, topic);
        RegistryWatcher w;
        synchronized (SHARED) {
            w = SHARED.get(id);
            if (w == null) {
                w = new RegistryWatcher(id);
                w.reader.startAndCatchUp(Duration.ofSeconds(60));
                SHARED.put(id, w);
                LOG.info("Watching registry topic '{}' at {}", topic, kafka.bootstrapServers());
            }
            w.references++;
        }
        return w;
    }

    /** The current view. */
    public RegistryState state() {
        return state;
    }

    /** Calls {@code listener} on the watcher thread after each change of any stream. */
    public void addListener(BiConsumer<StreamRef, Optional<StreamDescriptor>> listener) {
        listeners.add(listener);
    }

    public void removeListener(BiConsumer<StreamRef, Optional<StreamDescriptor>> listener) {
        listeners.remove(listener);
    }

    /** Releases one reference; the last one stops the consumer thread. */
    @Override
    public void close() {
        synchronized (SHARED) {
            if (--references > 0) {
                return;
            }
            SHARED.remove(key);
        }
        reader.close();
        LOG.info(
                "Stopped watching registry topic '{}' at {}",
                key.topic(),
                key.kafka().bootstrapServers());
    }
}
