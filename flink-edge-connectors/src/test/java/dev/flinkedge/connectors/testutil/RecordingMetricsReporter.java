package dev.flinkedge.connectors.testutil;

import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Kafka metrics reporter that only remembers the configuration of each client that loads it:
 * given as {@code metric.reporters} in client properties, it shows which Kafka clients of a job
 * received those properties (every client configured with it instantiates it).
 */
public final class RecordingMetricsReporter implements MetricsReporter {

    private static final List<Map<String, String>> CONFIGS = new CopyOnWriteArrayList<>();

    /** The configurations of the clients that loaded this reporter so far. */
    public static List<Map<String, String>> configs() {
        return List.copyOf(CONFIGS);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Map<String, String> copy = new TreeMap<>();
        configs.forEach((k, v) -> copy.put(k, String.valueOf(v)));
        CONFIGS.add(copy);
    }

    @Override
    public void init(List<KafkaMetric> metrics) {}

    @Override
    public void metricChange(KafkaMetric metric) {}

    @Override
    public void metricRemoval(KafkaMetric metric) {}

    @Override
    public void close() {}
}
