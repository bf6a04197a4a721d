package dev.flinkedge.registry.storage;

import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.kafka.TopicSpec;
import dev.flinkedge.kafka.Topics;
import dev.flinkedge.registry.errors.Errors;
import dev.flinkedge.registry.errors.RegistryException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The registry's only writer to its Kafka topic, modelled on Schema Registry's {@code KafkaStore}.
 *
 * <ul>
 *   <li>At start-up it creates the topic (one partition, compacted) or verifies it, takes the
 *       writer role by initialising a transactional producer whose id is derived from the topic —
 *       which fences any older instance on the same topic — and replays the topic into a {@link
 *       RegistryState}.
 *   <li>Every write is a {@link Mutation} run on one writer thread: validated against the view,
 *       appended in a Kafka transaction, and acknowledged only once the log reader has applied it
 *       (read-your-writes). Concurrent mutations on disjoint state share a transaction.
 *   <li>An instance that has been fenced keeps serving reads and refuses writes with error 50301.
 *   <li>While Kafka does not answer, writes fail within {@code kafkastore.write.block.ms} with 503
 *       and error 50303 (with a retry-after), and {@link #health()} reports DOWN.
 * </ul>
 */
public final class KafkaRegistryStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRegistryStore.class);

    private final RegistryConfig config;
    private final String topic;
    private final LongSupplier clock;
    private final RegistryState state;
    private final long timeoutMs;
    private final long writeBlockMs;
    private final int retryAfterSeconds;
    private final int maxBatch;
    private final KafkaReachability kafka;
    private final LinkedBlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;

    private KafkaProducer<byte[], byte[]> producer;
    private RegistryLogReader reader;
    private volatile boolean running;
    private volatile boolean fenced;

    /**
     * A transaction whose commit or abort timed out while Kafka was unreachable. Kafka requires the
     * same call to be repeated before another transaction begins; only the writer thread reads or
     * sets it.
     */
    private Unfinished unfinished = Unfinished.NONE;

    private enum Unfinished {
        NONE,
        COMMIT,
        ABORT
    }

    /** How the store's Kafka clients reach Kafka, read once from the configuration. */
    private final KafkaClientConfig kafkaConfig;

    public KafkaRegistryStore(RegistryConfig config, LongSupplier clock) {
        this.config = config;
        this.topic = config.topic();
        this.clock = clock;
        this.state = new RegistryState(clock);
        this.timeoutMs = config.getLong(RegistryConfig.TIMEOUT_MS);
        this.writeBlockMs = config.getLong(RegistryConfig.WRITE_BLOCK_MS);
        this.retryAfterSeconds = config.getInt(RegistryConfig.UNAVAILABLE_RETRY_AFTER_SECONDS);
        this.kafkaConfig = config.kafkaClientConfig();
        this.kafka =
                new KafkaReachability(
                        kafkaConfig,
                        config.getLong(RegistryConfig.PROBE_TIMEOUT_MS),
                        config.getLong(RegistryConfig.PROBE_CACHE_MS),
                        clock);
        this.maxBatch = config.getInt(RegistryConfig.MAX_BATCH);
        this.writer = new Thread(this::writeLoop, "registry-writer-" + topic);
        this.writer.setDaemon(true);
    }

    /** Creates or verifies the topic, takes the writer role and replays the topic. */
    public void start() throws InterruptedException {
        Duration initTimeout = Duration.ofMillis(config.getLong(RegistryConfig.INIT_TIMEOUT_MS));
        ensureTopic(kafkaConfig, initTimeout);

        Properties pp = kafkaConfig.toProperties();
        pp.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "flinkedge-registry-" + topic);
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        pp.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        // Bounds every blocking producer call, so that a write learns quickly that Kafka is gone.
        pp.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(writeBlockMs));
        producer = new KafkaProducer<>(pp, new ByteArraySerializer(), new ByteArraySerializer());
        initTransactions(initTimeout);

        reader = new RegistryLogReader(kafkaConfig, topic, state);
        reader.startAndCatchUp(initTimeout);
        running = true;
        writer.start();
        LOG.info(
                "Registry store on topic '{}' is the writer; {} streams loaded",
                topic,
                state.size());
    }

    /**
     * Bumps the producer epoch, so that an older instance on this topic can no longer commit. Each
     * attempt blocks at most {@code kafkastore.write.block.ms}; Kafka allows repeating it after a
     * timeout, which start-up does until {@code kafkastore.init.timeout.ms}.
     */
    private void initTransactions(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                producer.initTransactions();
                return;
            } catch (TimeoutException e) {
                if (System.nanoTime() - deadline >= 0) {
                    throw new IllegalStateException(
                            "Could not take the writer role on registry topic '"
                                    + topic
                                    + "' within "
                                    + timeout
                                    + ": Kafka at "
                                    + kafka.bootstrap()
                                    + " did not answer; check that it runs and raise "
                                    + RegistryConfig.INIT_TIMEOUT_MS
                                    + " if it is slow to start",
                            e);
                }
                LOG.info("Kafka did not answer initTransactions yet ({}); retrying", e.toString());
            }
        }
    }

    /** One partition, so that all changes are totally ordered; compacted, so none expires. */
    private void ensureTopic(KafkaClientConfig kafkaConfig, Duration timeout)
            throws InterruptedException {
        int rf = config.getInt(RegistryConfig.TOPIC_REPLICATION_FACTOR);
        TopicSpec spec =
                TopicSpec.of(topic, 1)
                        .compacted()
                        .exactPartitions()
                        .withReplicationFactor(
                                rf > 0 ? (short) rf : TopicSpec.REPLICATION_UP_TO_THREE);
        try (Topics topics = Topics.connect(kafkaConfig, timeout)) {
            topics.ensure(spec);
        }
    }

    /** The view of the topic. */
    public RegistryState state() {
        return state;
    }

    /** The registry topic. */
    public String topic() {
        return topic;
    }

    /** Whether a newer instance took the writer role from this one. */
    public boolean isFenced() {
        return fenced;
    }

    /**
     * The store's health: whether Kafka answers a short probe (cached briefly) and the log reader
     * still runs.
     */
    public StoreHealth health() throws InterruptedException {
        KafkaReachability.Result k = kafka.check();
        return StoreHealth.of(
                new StoreHealth.Kafka(kafka.bootstrap(), k.reachable(), k.error()),
                new StoreHealth.LogReader(
                        reader != null && reader.isAlive(),
                        reader == null || reader.failure() == null
                                ? null
                                : String.valueOf(reader.failure())),
                fenced,
                state.appliedOffset());
    }

    /**
     * Runs {@code mutation} on the writer thread and returns its result once its writes are read
     * back.
     *
     * @throws RegistryException the mutation's refusal, or a store error/timeout, or fencing, or
     *     Kafka being unreachable (503, error 50303)
     */
    public <R> R execute(Mutation<R> mutation) throws InterruptedException {
        if (!running) {
            throw Errors.storeError("the store is not running", null);
        }
        if (fenced) {
            throw Errors.fenced(topic);
        }
        KafkaReachability.Result k = kafka.check();
        if (!k.reachable()) {
            throw Errors.storeUnavailable(
                    "Kafka at "
                            + kafka.bootstrap()
                            + " is unreachable ("
                            + k.error()
                            + "); nothing was written",
                    retryAfterSeconds,
                    null);
        }
        Pending<R> p = new Pending<>(mutation);
        queue.add(p);
        // Finishing a timed-out transaction, then this one's commit, then its read-back.
        long waitMs = 2 * writeBlockMs + timeoutMs;
        try {
            return p.future.get(waitMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RegistryException re) {
                throw re;
            }
            throw Errors.internal(String.valueOf(e.getCause()), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw Errors.storeTimeout(
                    "the write queue did not drain within "
                            + waitMs
                            + " ms; the outcome is unknown, read the stream to check");
        }
    }

    private void writeLoop() {
        List<Pending<?>> batch = new ArrayList<>();
        while (running) {
            try {
                Pending<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.clear();
                batch.add(first);
                if (!first.mutation.exclusive()) {
                    Set<String> locks = new HashSet<>(first.mutation.locks());
                    while (batch.size() < maxBatch) {
                        Pending<?> next = queue.peek();
                        if (next == null
                                || next.mutation.exclusive()
                                || next.mutation.locks().stream().anyMatch(locks::contains)) {
                            break;
                        }
                        locks.addAll(next.mutation.locks());
                        batch.add(queue.poll());
                    }
                }
                process(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Registry writer failed a batch of {}", batch.size(), e);
                for (Pending<?> p : batch) {
                    p.future.completeExceptionally(Errors.internal(e.toString(), e));
                }
            }
        }
        for (Pending<?> p; (p = queue.poll()) != null; ) {
            p.future.completeExceptionally(Errors.storeError("the store is shutting down", null));
        }
    }

    private void process(List<Pending<?>> batch) throws InterruptedException {
        long now = clock.getAsLong();
        List<Pending<?>> accepted = new ArrayList<>(batch.size());
        List<StoreEntry> writes = new ArrayList<>();
        for (Pending<?> p : batch) {
            try {
                writes.addAll(p.plan(state, now));
                accepted.add(p);
            } catch (RegistryException e) {
                p.future.completeExceptionally(e);
            } catch (RuntimeException e) {
                LOG.error("Mutation failed while planning", e);
                p.future.completeExceptionally(Errors.internal(e.toString(), e));
            }
        }
        if (accepted.isEmpty()) {
            return;
        }
        if (!writes.isEmpty()) {
            if (fenced) {
                failAll(accepted, Errors.fenced(topic));
                return;
            }
            long last;
            boolean begun = false;
            try {
                finishUnfinished();
                begun = true;
                last = append(writes);
            } catch (KafkaException | ExecutionException e) {
                if (isTimeout(e)) {
                    failAll(accepted, unavailable(e, begun && unfinished == Unfinished.COMMIT));
                } else if (isFencing(e)) {
                    fenced = true;
                    LOG.warn(
                            "Registry instance fenced on topic '{}': a newer instance is the"
                                    + " writer; serving reads only from now on ({})",
                            topic,
                            e.toString());
                    failAll(accepted, Errors.fenced(topic));
                } else {
                    unfinished = Unfinished.ABORT;
                    abortQuietly();
                    failAll(accepted, Errors.storeError(e.getMessage(), e));
                }
                return;
            }
            if (!state.awaitOffset(last, timeoutMs)) {
                failAll(
                        accepted,
                        Errors.storeTimeout(
                                "the write at offset "
                                        + last
                                        + " was acknowledged but not read back within "
                                        + timeoutMs
                                        + " ms"));
                return;
            }
        }
        for (Pending<?> p : accepted) {
            p.complete(state);
        }
    }

    /**
     * The 503 of a write that Kafka did not take in time. Whether an unfinished commit lands later
     * is unknown (it is retried before the next write), so the message says to check.
     */
    private RegistryException unavailable(Throwable e, boolean commitPending) {
        String outcome =
                commitPending
                        ? "the write may still be applied once Kafka is back; read to check"
                        : "nothing was written";
        return Errors.storeUnavailable(
                "Kafka at "
                        + kafka.bootstrap()
                        + " did not take the write within "
                        + writeBlockMs
                        + " ms ("
                        + e
                        + "); "
                        + outcome,
                retryAfterSeconds,
                e);
    }

    /**
     * Repeats a commit or abort that timed out, as Kafka requires before the next transaction. A
     * repeated commit that Kafka refuses (e.g. its records expired meanwhile) is aborted instead,
     * so that it does not fail the writes that come after it.
     */
    private void finishUnfinished() {
        if (unfinished == Unfinished.COMMIT) {
            try {
                producer.commitTransaction();
                unfinished = Unfinished.NONE;
                LOG.warn(
                        "A registry transaction whose commit had timed out is committed now that"
                                + " Kafka at {} answers; its callers were told it may be applied",
                        kafka.bootstrap());
                return;
            } catch (TimeoutException e) {
                throw e;
            } catch (KafkaException e) {
                if (isFencing(e)) {
                    throw e;
                }
                LOG.warn(
                        "A registry transaction whose commit had timed out failed ({}); it is"
                                + " aborted and its writes are not applied",
                        e.toString());
                unfinished = Unfinished.ABORT;
            }
        }
        if (unfinished == Unfinished.ABORT) {
            producer.abortTransaction();
            unfinished = Unfinished.NONE;
        }
    }

    private long append(List<StoreEntry> writes) throws InterruptedException, ExecutionException {
        producer.beginTransaction();
        // Until the commit is attempted, the way out of this transaction is an abort.
        unfinished = Unfinished.ABORT;
        List<Future<RecordMetadata>> sent = new ArrayList<>(writes.size());
        for (StoreEntry w : writes) {
            sent.add(
                    producer.send(
                            new ProducerRecord<>(
                                    topic,
                                    0,
                                    RecordJson.encodeKey(w.key()),
                                    RecordJson.encodeValue(w.value()))));
        }
        unfinished = Unfinished.COMMIT;
        producer.commitTransaction();
        unfinished = Unfinished.NONE;
        long last = -1;
        for (Future<RecordMetadata> f : sent) {
            last = Math.max(last, f.get().offset());
        }
        return last;
    }

    /**
     * Whether {@code e} says that a newer instance bumped the epoch of our transactional id.
     * Depending on where our transaction was when that happened, the broker reports fencing, a
     * stale epoch or an invalid transaction state; re-initialising would fence the newer writer
     * back, so each of them makes this instance read-only.
     */
    private static boolean isFencing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException
                    || t instanceof InvalidProducerEpochException
                    || t instanceof InvalidTxnStateException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private void abortQuietly() {
        try {
            producer.abortTransaction();
            unfinished = Unfinished.NONE;
        } catch (KafkaException e) {
            LOG.warn("Could not abort the registry transaction: {}", e.toString());
        }
    }

    private static void failAll(List<Pending<?>> batch, RegistryException e) {
        for (Pending<?> p : batch) {
            p.future.completeExceptionally(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        writer.interrupt();
        writer.join(TimeUnit.SECONDS.toMillis(10));
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (reader != null) {
            reader.close();
        }
        kafka.close();
        LOG.info("Registry store on topic '{}' closed", topic);
    }

    private static final class Pending<R> {
        final Mutation<R> mutation;
        final CompletableFuture<R> future = new CompletableFuture<>();
        Mutation.Outcome<R> outcome;

        Pending(Mutation<R> mutation) {
            this.mutation = mutation;
        }

        List<StoreEntry> plan(RegistryState s, long now) {
            outcome = mutation.plan(s, now);
            return outcome.writes();
        }

        void complete(RegistryState s) {
            try {
                future.complete(outcome.result().apply(s));
            } catch (RuntimeException e) {
                future.completeExceptionally(
                        e instanceof RegistryException ? e : Errors.internal(e.toString(), e));
            }
        }
    }
}
