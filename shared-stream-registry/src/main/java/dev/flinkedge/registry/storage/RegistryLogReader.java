package dev.flinkedge.registry.storage;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final TopicPartition partition;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile Throwable failure;

    /**
     * @param clientProps Kafka client properties (at least {@code bootstrap.servers})
     * @param topic the registry topic
     * @param state the view to apply records to
     */
    public RegistryLogReader(Properties clientProps, String topic, RegistryState state) {
        this.topic = topic;
        this.state = state;
        Properties props = new Properties();
        props.putAll(clientProps);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        this.thread = new Thread(this::run, "registry-log-reader-" + topic);
        this.thread.setDaemon(true);
    }

    /** Starts tailing, then blocks until the view holds everything committed before the call. */
    public void startAndCatchUp(Duration timeout) throws InterruptedException {
        // Called before the reader thread owns the consumer, so using it here is single-threaded.
        long end = consumer.endOffsets(List.of(partition), timeout).getOrDefault(partition, 0L);
        thread.start();
        if (end > 0 && !state.awaitOffset(end - 1, timeout.toMillis())) {
            throw new IllegalStateException(
                    "Could not read the registry topic '" + topic + "' up to offset " + end
                            + " within " + timeout + (failure == null ? "" : ": " + failure));
        }
        LOG.info("Registry view of topic '{}' caught up: {} streams, offset {}",
                topic, state.size(), end);
    }

    /** The thread that applies records, for diagnostics. */
    Thread thread() {
        return thread;
    }

    /** The error that stopped the reader, or null while it runs. */
    public Throwable failure() {
        return failure;
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    applyRecord(r);
                }
                state.advanceTo(consumer.position(partition) - 1);
            }
        } catch (WakeupException e) {
            if (running) {
                failure = e;
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("Registry log reader for topic '{}' stopped", topic, e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            stopped.countDown();
        }
    }

    private void applyRecord(ConsumerRecord<byte[], byte[]> r) {
        RegistryKey key;
        Object value;
        try {
            key = RegistryJson.decodeKey(r.key());
            if (key.magic() > RegistryKey.MAGIC) {
                LOG.warn("Skipping record at offset {} with key format {} newer than {}",
                        r.offset(), key.magic(), RegistryKey.MAGIC);
                return;
            }
            value = RegistryJson.decodeValue(key, r.value());
        } catch (IOException | RuntimeException e) {
            // A record this version cannot read must not stop the view; it is logged and skipped.
            LOG.warn("Skipping unreadable record at offset {} of '{}': {}", r.offset(), topic,
                    e.toString());
            return;
        }
        state.apply(key, value, r.offset());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        if (thread.isAlive()) {
            stopped.await(10, TimeUnit.SECONDS);
        }
    }
}
