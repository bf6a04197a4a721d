package dev.flinkedge.connectors.metrics;

import static org.apache.flink.configuration.ConfigOptions.key;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;

import java.time.Duration;

/** Options of {@link PipelineMetrics}; the control loop reads the same topic and period. */
@PublicEvolving
public final class MetricsOptions {

    /** The metrics topic unless configured otherwise. */
    public static final String DEFAULT_TOPIC = "_flinkedge_metrics";

    public static final ConfigOption<String> BOOTSTRAP_SERVERS =
            key("metrics.bootstrap-servers")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Kafka bootstrap servers of the metrics topic. Required.");

    public static final ConfigOption<String> TOPIC =
            key("metrics.topic")
                    .stringType()
                    .defaultValue(DEFAULT_TOPIC)
                    .withDescription(
                            "Kafka topic of the per-camera metrics windows (key = camera id, value"
                                    + " = JSON). Created with one partition if missing.");

    public static final ConfigOption<Duration> PERIOD =
            key("metrics.period")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(2))
                    .withDescription(
                            "Length of a metrics window; set it to the control loop's period."
                                    + " Windows end at multiples of it. Must be at least 1 ms.");

    private MetricsOptions() {}
}
