package dev.flinkedge.jobs.vision;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Loaded models shared by the operator instances of one TaskManager: the first instance that asks
 * for a model loads it, later ones get the same object, and the last one to let go closes it.
 * Models are large (tens of MB each, plus ONNX Runtime's buffers) and thread-safe, so one copy per
 * task slot's JVM is enough however many operator instances the slot runs.
 */
public final class SharedModels {
    private static final Logger LOG = LoggerFactory.getLogger(SharedModels.class);

    private static final Map<String, Entry<?>> MODELS = new HashMap<>();

    private SharedModels() {}

    /**
     * The model under {@code key}, loaded by {@code loader} if no one holds it yet. Close the
     * returned lease when the operator closes.
     */
    public static synchronized <T extends AutoCloseable> Lease<T> acquire(
            String key, Supplier<T> loader) {
        Objects.requireNonNull(key, "key");
        @SuppressWarnings("unchecked")
        Entry<T> entry = (Entry<T>) MODELS.get(key);
        if (entry == null) {
            long start = System.nanoTime();
            entry = new Entry<>(Objects.requireNonNull(loader.get(), "loader returned null"));
            MODELS.put(key, entry);
            LOG.info("loaded model {} in {} ms", key, (System.nanoTime() - start) / 1_000_000);
        }
        entry.holders++;
        return new Lease<>(key, entry.model);
    }

    /** How many leases on {@code key} are open (0 when the model is not loaded). */
    public static synchronized int holders(String key) {
        Entry<?> entry = MODELS.get(key);
        return entry == null ? 0 : entry.holders;
    }

    private static synchronized void release(String key) {
        Entry<?> entry = MODELS.get(key);
        if (entry == null || --entry.holders > 0) {
            return;
        }
        MODELS.remove(key);
        try {
            entry.model.close();
            LOG.info("closed model {}", key);
        } catch (Exception e) {
            LOG.warn("closing model {} failed; its native memory may stay allocated", key, e);
        }
    }

    private static final class Entry<T extends AutoCloseable> {
        final T model;
        int holders;

        Entry(T model) {
            this.model = model;
        }
    }

    /**
     * One holder's claim on a shared model.
     *
     * @param <T> the model type
     */
    public static final class Lease<T extends AutoCloseable> implements AutoCloseable {
        private final String key;
        private final T model;
        private boolean closed;

        private Lease(String key, T model) {
            this.key = key;
            this.model = model;
        }

        /** The shared model; do not close it yourself. */
        public T get() {
            if (closed) {
                throw new IllegalStateException("lease on model " + key + " is closed");
            }
            return model;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                release(key);
            }
        }
    }
}
