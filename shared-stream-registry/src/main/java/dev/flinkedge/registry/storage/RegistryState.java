package dev.flinkedge.registry.storage;

import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.Subscription;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;

/**
 * The in-memory view of the registry topic. Only the log reader thread applies records to it; any
 * thread may query it. Queries compose a stream's descriptor from its STREAM record, its GRANT
 * records and its live SUBSCRIPTION records.
 */
public final class RegistryState {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Condition applied = lock.writeLock().newCondition();
    private final LongSupplier clock;

    private final Map<StreamRef, StreamDescriptor> streams = new TreeMap<>();
    private final Map<StreamRef, Map<String, GrantRecord>> grants = new HashMap<>();
    private final Map<StreamRef, Map<String, Subscription>> subscriptions = new HashMap<>();
    private final Map<String, Set<StreamRef>> byFingerprint = new HashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private long appliedOffset = -1;

    /** Notified, on the reader thread, after a stream's composed descriptor may have changed. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param ref the stream
         * @param now its descriptor after the change, or empty if it no longer exists
         */
        void onChange(StreamRef ref, Optional<StreamDescriptor> now);
    }

    public RegistryState(LongSupplier clock) {
        this.clock = clock;
    }

    public RegistryState() {
        this(System::currentTimeMillis);
    }

    /** Registers a listener called after each applied record. */
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Applies one record of the topic. Reader thread only. */
    void apply(RegistryKey key, Object value, long offset) {
        StreamRef ref = key.ref();
        lock.writeLock().lock();
        try {
            switch (key.keytype()) {
                case STREAM -> applyStream(ref, (StreamDescriptor) value);
                case GRANT -> applyChild(grants, ref, key.sub(), (GrantRecord) value);
                case SUBSCRIPTION ->
                        applyChild(subscriptions, ref, key.sub(), (Subscription) value);
            }
            appliedOffset = Math.max(appliedOffset, offset);
        } finally {
            lock.writeLock().unlock();
        }
        Optional<StreamDescriptor> now = get(ref);
        for (Listener l : listeners) {
            l.onChange(ref, now);
        }
    }

    /** Records that everything up to {@code offset} (incl. transaction markers) was read. */
    void advanceTo(long offset) {
        lock.writeLock().lock();
        try {
            if (offset > appliedOffset) {
                appliedOffset = offset;
            }
            applied.signalAll();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Waits until the record at {@code offset} has been applied. */
    boolean awaitOffset(long offset, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        lock.writeLock().lock();
        try {
            while (appliedOffset < offset) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                applied.awaitNanos(left);
            }
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The offset of the last record applied, or -1. */
    public long appliedOffset() {
        lock.readLock().lock();
        try {
            return appliedOffset;
        } finally {
            lock.readLock().unlock();
        }
    }

    private void applyStream(StreamRef ref, StreamDescriptor value) {
        StreamDescriptor old = streams.get(ref);
        if (old != null) {
            Set<StreamRef> refs = byFingerprint.get(old.fingerprint());
            if (refs != null) {
                refs.remove(ref);
                if (refs.isEmpty()) {
                    byFingerprint.remove(old.fingerprint());
                }
            }
        }
        if (value == null) {
            streams.remove(ref);
        } else {
            streams.put(ref, value);
            byFingerprint.computeIfAbsent(value.fingerprint(), k -> new TreeSet<>()).add(ref);
        }
    }

    private static <V> void applyChild(
            Map<StreamRef, Map<String, V>> index, StreamRef ref, String sub, V value) {
        if (value == null) {
            Map<String, V> m = index.get(ref);
            if (m != null) {
                m.remove(sub);
                if (m.isEmpty()) {
                    index.remove(ref);
                }
            }
        } else {
            index.computeIfAbsent(ref, k -> new TreeMap<>()).put(sub, value);
        }
    }

    /** The composed descriptor of {@code ref}, with its grants and live subscriptions. */
    public Optional<StreamDescriptor> get(StreamRef ref) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(compose(streams.get(ref), clock.getAsLong()));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** All streams, sorted by owner then name. */
    public List<StreamDescriptor> all() {
        lock.readLock().lock();
        try {
            long now = clock.getAsLong();
            List<StreamDescriptor> out = new ArrayList<>(streams.size());
            for (StreamDescriptor d : streams.values()) {
                out.add(compose(d, now));
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Streams with {@code fingerprint}, any status, sorted by owner then name. */
    public List<StreamDescriptor> withFingerprint(String fingerprint) {
        lock.readLock().lock();
        try {
            Set<StreamRef> refs = byFingerprint.getOrDefault(fingerprint, Collections.emptySet());
            long now = clock.getAsLong();
            List<StreamDescriptor> out = new ArrayList<>(refs.size());
            for (StreamRef r : refs) {
                out.add(compose(streams.get(r), now));
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every stored subscription of {@code ref}, expired ones included. */
    public List<Subscription> storedSubscriptions(StreamRef ref) {
        lock.readLock().lock();
        try {
            return List.copyOf(subscriptions.getOrDefault(ref, Map.of()).values());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every stored subscription, expired ones included, keyed by stream. */
    public Map<StreamRef, List<Subscription>> allStoredSubscriptions() {
        lock.readLock().lock();
        try {
            Map<StreamRef, List<Subscription>> out = new TreeMap<>();
            subscriptions.forEach((ref, subs) -> out.put(ref, List.copyOf(subs.values())));
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The grantees of {@code ref}, sorted; grants may outlive a deleted stream only briefly. */
    public Set<String> grantees(StreamRef ref) {
        lock.readLock().lock();
        try {
            return new TreeSet<>(grants.getOrDefault(ref, Map.of()).keySet());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of streams. */
    public int size() {
        lock.readLock().lock();
        try {
            return streams.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    private StreamDescriptor compose(StreamDescriptor base, long now) {
        if (base == null) {
            return null;
        }
        StreamRef ref = base.ref();
        List<String> grantees = new ArrayList<>(grants.getOrDefault(ref, Map.of()).keySet());
        List<Subscription> live = new ArrayList<>();
        for (Subscription s : subscriptions.getOrDefault(ref, Map.of()).values()) {
            if (s.isLiveAt(now)) {
                live.add(s);
            }
        }
        return new StreamDescriptor(
                base.owner(),
                base.name(),
                base.type(),
                base.window(),
                base.serializer(),
                base.payloadType(),
                base.guarantee(),
                base.lineage(),
                base.source(),
                base.durable(),
                base.partitions(),
                base.status(),
                base.producer(),
                base.topic(),
                base.fingerprint(),
                grantees,
                live,
                base.createdAtMs(),
                base.updatedAtMs(),
                base.lease());
    }
}
