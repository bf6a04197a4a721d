package dev.flinkedge.connectors.metrics;

import dev.flinkedge.connectors.api.KafkaOptions;
import dev.flinkedge.connectors.model.EdgeData;
import dev.flinkedge.connectors.runtime.StreamTopics;
import dev.flinkedge.kafka.KafkaClientConfig;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.util.Preconditions;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The metrics a pipeline reports to the scheduler's control loop: attached after a job's last
 * operator, it publishes each camera's {@link CameraMetricsWindow} every period (the control
 * period) as JSON to the metrics topic, keyed by camera id, and exposes the same numbers as Flink
 * metrics. Results should carry their frames' stage times (every {@code EdgeRecord} derived from a
 * frame does) and, after an {@code OffloadRouter}, its route stamps.
 *
 * <pre>{@code
 * DataStream<EdgeRecord<Plate>> plates = ...;
 * PipelineMetrics.builder()
 *         .setBootstrapServers("localhost:9092")
 *         .setPeriod(Duration.ofSeconds(2))
 *         .build()
 *         .attachTo(plates);
 * }</pre>
 *
 * @param <T> the result type
 */
@PublicEvolving
public final class PipelineMetrics<T> {

    private final KafkaClientConfig kafka;
    private final String topic;
    private final Duration period;
    private final MetricsProbe<T> probe;

    private PipelineMetrics(
            KafkaClientConfig kafka, String topic, Duration period, MetricsProbe<T> probe) {
        this.kafka = kafka;
        this.topic = topic;
        this.period = period;
        this.probe = probe;
    }

    /** A builder for flink-edge records; settings default to {@link MetricsOptions}. */
    public static <T extends EdgeData> Builder<T> builder() {
        return new Builder<T>().setProbe(MetricsProbe.edgeData());
    }

    /** A builder for any result type, read by {@code probe}. */
    public static <T> Builder<T> builder(MetricsProbe<T> probe) {
        return new Builder<T>().setProbe(probe);
    }

    /**
     * Creates the metrics topic if it is missing and adds the metrics operator and its Kafka sink
     * after {@code results}.
     *
     * @return the sink, to set its parallelism or slot sharing group
     */
    public DataStreamSink<Tuple2<String, byte[]>> attachTo(DataStream<T> results) {
        StreamTopics.ensure(kafka, Map.of(topic, 1));
        KafkaSink<Tuple2<String, byte[]>> sink =
                KafkaSink.<Tuple2<String, byte[]>>builder()
                        .setKafkaProducerConfig(kafka.toProperties())
                        .setBootstrapServers(kafka.bootstrapServers())
                        .setRecordSerializer(new WindowSerializer(topic))
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .setProperty("linger.ms", "0")
                        .build();
        return results.keyBy(new CameraKey<>(probe), Types.STRING)
                .process(
                        new CameraMetricsFunction<>(probe, period.toMillis()),
                        Types.TUPLE(Types.STRING, Types.PRIMITIVE_ARRAY(Types.BYTE)))
                .name("camera-metrics")
                .sinkTo(sink)
                .name("metrics:" + topic);
    }

    /** Builds {@link PipelineMetrics}. */
    public static final class Builder<T> {
        private KafkaClientConfig kafka;
        private String topic = MetricsOptions.TOPIC.defaultValue();
        private Duration period = MetricsOptions.PERIOD.defaultValue();
        private MetricsProbe<T> probe;

        private Builder() {}

        /** Kafka of the metrics topic, with its client properties; this or the servers required. */
        public Builder<T> setKafka(KafkaClientConfig kafka) {
            this.kafka = Preconditions.checkNotNull(kafka, "kafka");
            return this;
        }

        /** Bootstrap servers of the metrics topic, replacing those of {@link #setKafka}. */
        public Builder<T> setBootstrapServers(String servers) {
            this.kafka =
                    kafka == null
                            ? KafkaClientConfig.of(servers)
                            : kafka.withBootstrapServers(servers);
            return this;
        }

        /** The metrics topic; see {@link MetricsOptions#TOPIC}. */
        public Builder<T> setTopic(String topic) {
            this.topic = topic;
            return this;
        }

        /** The window length; see {@link MetricsOptions#PERIOD}. */
        public Builder<T> setPeriod(Duration period) {
            this.period = period;
            return this;
        }

        /** How results are read. */
        public Builder<T> setProbe(MetricsProbe<T> probe) {
            this.probe = probe;
            return this;
        }

        /** Takes every option of {@link MetricsOptions} that {@code conf} sets. */
        public Builder<T> setOptions(Configuration conf) {
            if (conf.contains(KafkaOptions.KAFKA_PROPERTIES)) {
                setKafka(KafkaOptions.clientConfig(conf, MetricsOptions.BOOTSTRAP_SERVERS));
            } else {
                conf.getOptional(MetricsOptions.BOOTSTRAP_SERVERS)
                        .ifPresent(this::setBootstrapServers);
            }
            conf.getOptional(MetricsOptions.TOPIC).ifPresent(this::setTopic);
            conf.getOptional(MetricsOptions.PERIOD).ifPresent(this::setPeriod);
            return this;
        }

        /**
         * Checks the settings and builds.
         *
         * @throws NullPointerException naming a missing property
         * @throws IllegalArgumentException if the period is not positive
         */
        public PipelineMetrics<T> build() {
            Preconditions.checkNotNull(
                    kafka,
                    "Property %s is required but not provided",
                    MetricsOptions.BOOTSTRAP_SERVERS.key());
            Preconditions.checkNotNull(
                    topic, "Property %s is required but not provided", MetricsOptions.TOPIC.key());
            Preconditions.checkNotNull(probe, "Property %s is required but not provided", "probe");
            Preconditions.checkArgument(
                    period != null && period.toMillis() > 0,
                    "%s is %s; it must be at least 1 ms",
                    MetricsOptions.PERIOD.key(),
                    period);
            return new PipelineMetrics<>(kafka, topic, period, probe);
        }
    }

    /** Keys results by their camera. */
    private static final class CameraKey<T> implements KeySelector<T, String> {
        private static final long serialVersionUID = 1L;
        private final MetricsProbe<T> probe;

        CameraKey(MetricsProbe<T> probe) {
            this.probe = probe;
        }

        @Override
        public String getKey(T record) {
            return probe.cameraId(record);
        }
    }

    /** Writes {@code (cameraId, JSON)} as a record keyed by the camera. */
    private static final class WindowSerializer
            implements KafkaRecordSerializationSchema<Tuple2<String, byte[]>> {
        private static final long serialVersionUID = 1L;
        private final String topic;

        WindowSerializer(String topic) {
            this.topic = topic;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(
                Tuple2<String, byte[]> window, KafkaSinkContext context, Long timestamp) {
            return new ProducerRecord<>(
                    topic, window.f0.getBytes(StandardCharsets.UTF_8), window.f1);
        }
    }
}
