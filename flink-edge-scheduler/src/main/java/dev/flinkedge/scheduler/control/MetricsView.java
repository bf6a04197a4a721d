package dev.flinkedge.scheduler.control;

import dev.flinkedge.connectors.metrics.CameraMetricsWindow;
import dev.flinkedge.connectors.metrics.MetricsJson;
import dev.flinkedge.connectors.runtime.StreamTopics;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tails the metrics topic and keeps the newest window of each camera: the control loop's view of
 * the pipelines. A daemon thread starts at the windows published during the last {@code lookback}
 * and follows the topic without a consumer group. Unreadable records are logged and skipped.
 *
 * <pre>{@code
 * try (MetricsView view = MetricsView.start(props, MetricsOptions.DEFAULT_TOPIC,
 *         Duration.ofSeconds(10))) {
 *     view.latest().get("cam-1");
 * }
 * }</pre>
 */
public final class MetricsView implements MetricsSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsView.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, CameraMetricsWindow> latest = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    private MetricsView(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        this.consumer = consumer;
        this.topic = topic;
        this.thread = new Thread(this::run, "flinkedge-metrics-view-" + topic);
        this.thread.setDaemon(true);
    }

    /**
     * Creates the topic if it is missing and starts following it.
     *
     * @param clientProps Kafka client properties, at least {@code bootstrap.servers}; a {@code
     *     group.id} is ignored
     * @param topic the metrics topic
     * @param lookback how far back to start, so that a loop started late sees recent windows
     * @throws IllegalStateException if Kafka cannot be reached
     */
    public static MetricsView start(Properties clientProps, String topic, Duration lookback) {
        String servers = clientProps.getProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
        if (servers == null || servers.isBlank()) {
            throw new IllegalArgumentException(
                    "Property "
                            + ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG
                            + " is required but not provided");
        }
        StreamTopics.ensure(servers, Map.of(topic, 1));
        Properties props = new Properties();
        props.putAll(clientProps);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "flinkedge-metrics-view-" + topic);
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions =
                consumer.partitionsFor(topic).stream()
                        .map((PartitionInfo p) -> new TopicPartition(topic, p.partition()))
                        .toList();
        consumer.assign(partitions);
        long from = System.currentTimeMillis() - lookback.toMillis();
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, from));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(query);
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp o = offsets.get(p);
            if (o == null) {
                consumer.seekToEnd(List.of(p));
            } else {
                consumer.seek(p, o.offset());
            }
        }
        // Resolve the start positions now, so that nothing published after start() is skipped.
        partitions.forEach(consumer::position);
        MetricsView view = new MetricsView(consumer, topic);
        view.thread.start();
        LOG.info("Following metrics topic '{}' at {} from {} ago", topic, servers, lookback);
        return view;
    }

    @Override
    public Map<String, CameraMetricsWindow> latest() {
        return Map.copyOf(latest);
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL_TIMEOUT)) {
                    apply(r);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("Metrics view of '{}' woken up unexpectedly; it stops", topic, e);
            }
        } catch (RuntimeException e) {
            LOG.error(
                    "Stopped following metrics topic '{}'; the control loop sees no new metrics",
                    topic,
                    e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> r) {
        if (r.value() == null) {
            return;
        }
        try {
            CameraMetricsWindow w = MetricsJson.decode(r.value());
            latest.merge(
                    w.cameraId(),
                    w,
                    (old, neu) -> neu.windowEndMs() >= old.windowEndMs() ? neu : old);
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "Skipping unreadable metrics window at {}-{}@{}: {}",
                    r.topic(),
                    r.partition(),
                    r.offset(),
                    e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}
