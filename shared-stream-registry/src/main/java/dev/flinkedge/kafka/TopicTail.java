package dev.flinkedge.kafka;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Follows every partition of one topic on a daemon thread and hands each record to a handler: the
 * one way flink-edge reads a topic as a view (the registry log, the policy and metrics topics) or
 * as a stream of results. It never joins a consumer group and never commits: a view is rebuilt by
 * replaying the topic from its first offset, so every reader sees every record. A record with a
 * null value is a tombstone; handlers of compacted topics apply it as a delete of its key.
 *
 * <p>At start the tail takes the end offset of each partition; it is <em>caught up</em> once its
 * position reached all of them, i.e. once every record written before {@link Builder#start()} was
 * handed to the handler. It keeps following afterwards, until {@link #close()}, which wakes up a
 * blocked poll.
 *
 * <pre>{@code
 * try (TopicTail<String, String> tail = TopicTail.builder("policies",
 *                 new StringDeserializer(), new StringDeserializer())
 *         .clientProperties(props)
 *         .fromBeginning()
 *         .onRecord(r -> view.apply(r.key(), r.value()))
 *         .start()) {
 *     if (!tail.awaitCaughtUp(Duration.ofSeconds(30))) {
 *         throw new IllegalStateException("policies not read in time", tail.failure());
 *     }
 * }
 * }</pre>
 *
 * @param <K> the record key type
 * @param <V> the record value type
 */
public final class TopicTail<K, V> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicTail.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    /** What a tail does with a record; runs on the tail's thread. */
    @FunctionalInterface
    public interface RecordHandler<K, V> {
        /** Applies one record; an exception stops the tail (see {@link TopicTail#failure()}). */
        void onRecord(ConsumerRecord<K, V> record);
    }

    /** Learns how far a tail has read; runs on the tail's thread. */
    @FunctionalInterface
    public interface ProgressListener {
        /**
         * Called after every poll, for every partition, also when the poll returned nothing: the
         * position can move past offsets that carry no record (transaction markers, aborted or
         * compacted records).
         *
         * @param partition the partition
         * @param nextOffset the offset of the next record to read; all before it are handled
         */
        void onPosition(TopicPartition partition, long nextOffset);
    }

    private enum Start {
        BEGINNING,
        END,
        TIMESTAMP
    }

    private final String topic;
    private final String name;
    private final KafkaConsumer<K, V> consumer;
    private final RecordHandler<K, V> handler;
    private final ProgressListener progress;
    private final Map<TopicPartition, Long> catchUpOffsets;
    private final Thread thread;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final CountDownLatch settled = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile Throwable failure;

    private TopicTail(
            Builder<K, V> b,
            KafkaConsumer<K, V> consumer,
            Map<TopicPartition, Long> catchUpOffsets) {
        this.topic = b.topic;
        this.name = b.name;
        this.consumer = consumer;
        this.handler = b.handler;
        this.progress = b.progress;
        this.catchUpOffsets = catchUpOffsets;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /**
     * Starts describing a tail of {@code topic}.
     *
     * @param topic the topic to follow
     * @param keys how to read record keys
     * @param values how to read record values
     * @return a builder; {@link Builder#start()} opens the consumer and starts the thread
     */
    public static <K, V> Builder<K, V> builder(
            String topic, Deserializer<K> keys, Deserializer<V> values) {
        return new Builder<>(topic, keys, values);
    }

    /** The followed topic. */
    public String topic() {
        return topic;
    }

    /**
     * Waits until every record written before the tail started has been handled.
     *
     * @return true once caught up; false if {@code timeout} passed or the tail stopped first
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        settled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return isCaughtUp();
    }

    /** Whether every record written before the tail started has been handled. */
    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** The error that stopped the tail, or null while it runs or after a plain {@link #close()}. */
    public Throwable failure() {
        return failure;
    }

    /** Whether the tail's thread still follows the topic. */
    public boolean isRunning() {
        return running;
    }

    /** The partitions followed. */
    public List<TopicPartition> partitions() {
        return List.copyOf(catchUpOffsets.keySet());
    }

    /** The tail's thread, for diagnostics. */
    public Thread thread() {
        return thread;
    }

    /** Runs on the tail's thread: polls until closed or failed. */
    private void run() {
        try {
            reportProgress();
            while (running) {
                for (ConsumerRecord<K, V> r : consumer.poll(POLL_TIMEOUT)) {
                    handler.onRecord(r);
                }
                reportProgress();
            }
        } catch (WakeupException e) {
            if (running) {
                failure = e;
                LOG.error(
                        "Tail '{}' of topic '{}' was woken up while running; it stops",
                        name,
                        topic,
                        e);
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error(
                    "Tail '{}' of topic '{}' stopped: its readers see no newer records",
                    name,
                    topic,
                    e);
        } finally {
            running = false;
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            settled.countDown();
            LOG.info("Tail '{}' of topic '{}' stopped", name, topic);
        }
    }

    private void reportProgress() {
        boolean done = true;
        for (Map.Entry<TopicPartition, Long> e : catchUpOffsets.entrySet()) {
            long position = consumer.position(e.getKey());
            if (progress != null) {
                progress.onPosition(e.getKey(), position);
            }
            done &= position >= e.getValue();
        }
        if (done && caughtUp.getCount() > 0) {
            caughtUp.countDown();
            settled.countDown();
            LOG.info(
                    "Tail '{}' caught up with topic '{}' at offsets {}",
                    name,
                    topic,
                    catchUpOffsets.values());
        }
    }

    /**
     * Stops following: wakes up a blocked poll and waits up to 10 s for the thread to end (not when
     * called by a handler on the tail's own thread, which then ends after the handler).
     */
    @Override
    public void close() {
        running = false;
        if (!thread.isAlive() || Thread.currentThread() == thread) {
            return;
        }
        consumer.wakeup();
        try {
            thread.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("Tail '{}' of topic '{}' did not stop within {}", name, topic, CLOSE_TIMEOUT);
        }
    }

    /**
     * Describes a {@link TopicTail}: the topic and its deserialisers, the client properties (at
     * least {@code bootstrap.servers}), where to start and what to do with each record.
     */
    public static final class Builder<K, V> {

        private final String topic;
        private final Deserializer<K> keys;
        private final Deserializer<V> values;
        private final Properties clientProps = new Properties();
        private String name;
        private String clientId;
        private boolean readCommitted;
        private Start start = Start.BEGINNING;
        private long startTimestampMs;
        private Integer partitionCount;
        private Duration timeout = Duration.ofSeconds(30);
        private RecordHandler<K, V> handler;
        private ProgressListener progress;

        private Builder(String topic, Deserializer<K> keys, Deserializer<V> values) {
            this.topic = Objects.requireNonNull(topic, "topic");
            this.keys = Objects.requireNonNull(keys, "keys");
            this.values = Objects.requireNonNull(values, "values");
            this.name = "topic-tail-" + topic;
        }

        /** Kafka client properties; a {@code group.id} is ignored, auto-commit is turned off. */
        public Builder<K, V> clientProperties(Properties props) {
            clientProps.putAll(Objects.requireNonNull(props, "props"));
            return this;
        }

        /** The client properties of {@code kafka}, bootstrap servers included. */
        public Builder<K, V> clientConfig(KafkaClientConfig kafka) {
            return clientProperties(Objects.requireNonNull(kafka, "kafka").toProperties());
        }

        /** Names the thread and the log lines (default {@code topic-tail-<topic>}). */
        public Builder<K, V> name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The {@code client.id} unless the client properties set one. */
        public Builder<K, V> defaultClientId(String clientId) {
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            return this;
        }

        /** Reads only committed transactional records ({@code isolation.level=read_committed}). */
        public Builder<K, V> readCommitted() {
            this.readCommitted = true;
            return this;
        }

        /** Starts at the first offset of every partition (the default). */
        public Builder<K, V> fromBeginning() {
            this.start = Start.BEGINNING;
            return this;
        }

        /** Starts after the last record of every partition: only records written from now on. */
        public Builder<K, V> fromEnd() {
            this.start = Start.END;
            return this;
        }

        /**
         * Starts at the first record of each partition written at or after {@code epochMs}, or at
         * its end if there is none.
         */
        public Builder<K, V> fromTimestamp(long epochMs) {
            this.start = Start.TIMESTAMP;
            this.startTimestampMs = epochMs;
            return this;
        }

        /**
         * Follows partitions {@code 0..count-1} instead of asking the broker how many there are
         * (useful when the caller just created or verified the topic).
         */
        public Builder<K, V> partitionCount(int count) {
            if (count < 1) {
                throw new IllegalArgumentException(
                        "partition count " + count + " must be at least 1");
            }
            this.partitionCount = count;
            return this;
        }

        /** How long {@link #start()} may wait for the broker's metadata (default 30 s). */
        public Builder<K, V> timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout " + timeout + " must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /** What to do with each record (required). */
        public Builder<K, V> onRecord(RecordHandler<K, V> handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** Who learns the position after every poll (optional). */
        public Builder<K, V> onProgress(ProgressListener progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /**
         * Opens the consumer, seeks to the start, takes the catch-up offsets and starts the tail's
         * thread. Records written after this returns are never skipped.
         *
         * @throws IllegalArgumentException if {@code bootstrap.servers} is missing
         * @throws IllegalStateException if the topic does not exist
         * @throws org.apache.kafka.common.KafkaException if the broker does not answer in time
         */
        public TopicTail<K, V> start() {
            if (handler == null) {
                throw new IllegalStateException("Property onRecord is required but not provided");
            }
            String servers = clientProps.getProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
            if (servers == null || servers.isBlank()) {
                throw new IllegalArgumentException(
                        "Property "
                                + ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG
                                + " is required but not provided");
            }
            KafkaConsumer<K, V> consumer = new KafkaConsumer<>(consumerProps(), keys, values);
            try {
                List<TopicPartition> partitions = partitions(consumer, servers);
                consumer.assign(partitions);
                seek(consumer, partitions);
                // Resolve the start positions now, so that nothing written after start() is missed.
                partitions.forEach(p -> consumer.position(p, timeout));
                Map<TopicPartition, Long> catchUp =
                        new HashMap<>(consumer.endOffsets(partitions, timeout));
                TopicTail<K, V> tail = new TopicTail<>(this, consumer, catchUp);
                LOG.info(
                        "Tail '{}' follows topic '{}' at {} ({} partition(s)) from {}",
                        name,
                        topic,
                        servers,
                        partitions.size(),
                        describeStart());
                tail.thread.start();
                return tail;
            } catch (RuntimeException e) {
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
                throw e;
            }
        }

        private Properties consumerProps() {
            Properties props = new Properties();
            props.putAll(clientProps);
            props.remove(ConsumerConfig.GROUP_ID_CONFIG);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            if (start == Start.BEGINNING) {
                // Also where to go when compaction or retention removed the position's record.
                props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            }
            if (readCommitted) {
                props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            }
            if (clientId != null) {
                props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
            }
            return props;
        }

        private List<TopicPartition> partitions(KafkaConsumer<K, V> consumer, String servers) {
            if (partitionCount != null) {
                return IntStream.range(0, partitionCount)
                        .mapToObj(p -> new TopicPartition(topic, p))
                        .toList();
            }
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException(
                        "Topic '"
                                + topic
                                + "' does not exist at "
                                + servers
                                + "; create it first (Topics.ensure) or check the name");
            }
            return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        }

        private void seek(KafkaConsumer<K, V> consumer, List<TopicPartition> partitions) {
            switch (start) {
                case BEGINNING -> consumer.seekToBeginning(partitions);
                case END -> consumer.seekToEnd(partitions);
                case TIMESTAMP -> {
                    Map<TopicPartition, Long> query = new HashMap<>();
                    partitions.forEach(p -> query.put(p, startTimestampMs));
                    Map<TopicPartition, OffsetAndTimestamp> found =
                            consumer.offsetsForTimes(query, timeout);
                    for (TopicPartition p : partitions) {
                        OffsetAndTimestamp o = found.get(p);
                        if (o == null) {
                            consumer.seekToEnd(List.of(p));
                        } else {
                            consumer.seek(p, o.offset());
                        }
                    }
                }
            }
        }

        private String describeStart() {
            return switch (start) {
                case BEGINNING -> "the beginning";
                case END -> "the end";
                case TIMESTAMP -> "timestamp " + startTimestampMs;
            };
        }
    }
}
