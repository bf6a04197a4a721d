package dev.flinkedge.connectors.runtime;

import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.storage.RegistryLogReader;
import dev.flinkedge.registry.storage.RegistryState;

import org.apache.flink.annotation.Internal;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
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
    private static final Map<String, RegistryWatcher> SHARED = new HashMap<>();

    private final String id;
    private final RegistryState state = new RegistryState();
    private final RegistryLogReader reader;
    private final List<BiConsumer<StreamRef, Optional<StreamDescriptor>>> listeners =
            new CopyOnWriteArrayList<>();
    private int references;

    private RegistryWatcher(String id, String bootstrapServers, String topic) {
        this.id = id;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "flinkedge-watcher-" + topic);
        state.addListener((ref, now) -> listeners.forEach(l -> l.accept(ref, now)));
        this.reader = new RegistryLogReader(props, topic, state);
    }

    /**
     * Returns the watcher of {@code topic} on {@code bootstrapServers}, starting it (and replaying
     * the topic) on first use. Each call must be paired with {@link #close()}.
     */
    public static RegistryWatcher acquire(String bootstrapServers, String topic)
            throws InterruptedException {
        String id = bootstrapServers + "|" + topic;
        RegistryWatcher w;
        synchronized (SHARED) {
            w = SHARED.get(id);
            if (w == null) {
                w = new RegistryWatcher(id, bootstrapServers, topic);
                w.reader.startAndCatchUp(Duration.ofSeconds(60));
                SHARED.put(id, w);
                LOG.info("Watching registry topic '{}' at {}", topic, bootstrapServers);
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
            SHARED.remove(id);
        }
        reader.close();
        LOG.info("Stopped watching registry {}", id);
    }
}
