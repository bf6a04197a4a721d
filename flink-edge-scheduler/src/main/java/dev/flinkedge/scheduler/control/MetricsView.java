package dev.flinkedge.scheduler.control;

import dev.flinkedge.connectors.metrics.CameraMetricsWindow;
import dev.flinkedge.connectors.metrics.MetricsJson;
import dev.flinkedge.connectors.runtime.StreamTopics;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.kafka.TopicTail;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tails the metrics topic and keeps the newest window of each camera: the control loop's view of
 * the pipelines. A daemon thread starts at the windows published during the last {@code lookback}
 * and follows the topic without a consumer group. Unreadable records are logged and skipped.
 *
 * <pre>{@code
 * try (MetricsView view = MetricsView.start(kafka, MetricsOptions.DEFAULT_TOPIC,
 *         Duration.ofSeconds(10))) {
 *     view.latest().get("cam-1");
 * }
 * }</pre>
 */
public final class MetricsView implements MetricsSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsView.class);

    private final Map<String, CameraMetricsWindow> latest = new ConcurrentHashMap<>();
    private TopicTail<byte[], byte[]> tail;

    private MetricsView() {}

    /**
     * Creates the topic if it is missing and starts following it.
     *
     * @param kafka how to reach the Kafka cluster; a {@code group.id} is ignored
     * @param topic the metrics topic
     * @param lookback how far back to start, so that a loop started late sees recent windows
     * @throws IllegalStateException if Kafka cannot be reached
     */
    public static MetricsView start(KafkaClientConfig kafka, String topic, Duration lookback) {
        StreamTopics.ensure(kafka, Map.of(topic, 1));
        MetricsView view = new MetricsView();
        view.tail =
                TopicTail.builder(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                        .clientConfig(kafka)
                        .name("flinkedge-metrics-view-" + topic)
                        .defaultClientId("flinkedge-metrics-view-" + topic)
                        .fromTimestamp(System.currentTimeMillis() - lookback.toMillis())
                        .onRecord(view::apply)
                        .start();
        LOG.info(
                "Following metrics topic '{}' at {} from {} ago",
                topic,
                kafka.bootstrapServers(),
                lookback);
        return view;
    }

    @Override
    public Map<String, CameraMetricsWindow> latest() {
        return Map.copyOf(latest);
    }

    /** Runs on the tail's thread: keeps the newest window of each camera. */
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
    public void close() {
        tail.close();
    }
}
