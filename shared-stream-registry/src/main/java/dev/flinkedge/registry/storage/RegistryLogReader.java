package dev.flinkedge.registry.storage;

import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.kafka.TopicTail;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;

/**
 * Tails the registry topic from its first offset and applies every committed record to a {@link
 * RegistryState}. The registry service uses one to build its view and to confirm its own writes;
 * any other component (a tap, a shared source) can run one to watch the registry without polling
 * REST. Reads with {@code isolation.level=read_committed} and no consumer group: the log is always
 * replayed from the start, never from committed offsets.
 */
public final class RegistryLogReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryLogReader.class);

    private final String topic;
    private final RegistryState state;
    private final TopicTail.Builder<byte[], byte[]> tailBuilder;
    private TopicTail<byte[], byte[]> tail;

    /**
     * @param kafka how to reach the Kafka cluster
     * @param topic the registry topic
     * @param state the view to apply records to
     */
    public RegistryLogReader(KafkaClientConfig kafka, String topic, RegistryState state) {
        this(kafka, topic, state, null);
    }

    /**
     * @param kafka how to reach the Kafka cluster
     * @param topic the registry topic
     * @param state the view to apply records to
     * @param clientId the consumer's {@code client.id} unless {@code kafka} sets one, or null
     */
    public RegistryLogReader(
            KafkaClientConfig kafka, String topic, RegistryState state, String clientId) {
        this.topic = topic;
        this.state = state;
        this.tailBuilder =
                TopicTail.builder(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                        .clientConfig(kafka)
                        .name("registry-log-reader-" + topic)
                        .readCommitted()
                        .fromBeginning()
                        // The registry topic has exactly one partition (KafkaRegistryStore verifies
                        // it).
                        .partitionCount(1)
                        .onRecord(this::applyRecord)
                        // Transaction markers move the position without a record: the writer's
                        // read-your-writes wait (RegistryState.awaitOffset) needs to see them
                        // passed.
                        .onProgress((partition, next) -> state.advanceTo(next - 1));
        if (clientId != null) {
            tailBuilder.defaultClientId(clientId);
        }
    }

    /** Starts tailing, then blocks until the view holds everything committed before the call. */
    public void startAndCatchUp(Duration timeout) throws InterruptedException {
        tail = tailBuilder.timeout(timeout).start();
        if (!tail.awaitCaughtUp(timeout)) {
            Throwable failure = tail.failure();
            throw new IllegalStateException(
                    "Could not read the registry topic '"
                            + topic
                            + "' to its end within "
                            + timeout
                            + (failure == null ? "" : ": " + failure),
                    failure);
        }
        LOG.info("Registry view of topic '{}' caught up: {} streams", topic, state.size());
    }

    /**
     * Whether the reader's thread still follows the topic: false before {@link #startAndCatchUp},
     * after {@link #close()} and once an error stopped it (see {@link #failure()}).
     */
    public boolean isAlive() {
        return tail != null && tail.isRunning();
    }

    /** The error that stopped the reader, or null while it runs. */
    public Throwable failure() {
        return tail == null ? null : tail.failure();
    }

    private void applyRecord(ConsumerRecord<byte[], byte[]> r) {
        RegistryKey key;
        Object value;
        try {
            key = RecordJson.decodeKey(r.key());
            if (key.magic() > RegistryKey.MAGIC) {
                LOG.warn(
                        "Skipping record at offset {} with key format {} newer than {}",
                        r.offset(),
                        key.magic(),
                        RegistryKey.MAGIC);
                return;
            }
            value = RecordJson.decodeValue(key, r.value());
        } catch (IOException | RuntimeException e) {
            // A record this version cannot read must not stop the view; it is logged and skipped.
            LOG.warn(
                    "Skipping unreadable record at offset {} of '{}': {}",
                    r.offset(),
                    topic,
                    e.toString());
            return;
        }
        state.apply(key, value, r.offset());
    }

    @Override
    public void close() {
        if (tail != null) {
            tail.close();
        }
    }
}
