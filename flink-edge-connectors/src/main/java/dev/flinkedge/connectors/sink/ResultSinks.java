package dev.flinkedge.connectors.sink;

import dev.flinkedge.connectors.model.EdgeData;
import dev.flinkedge.connectors.sink.internal.JsonResultSerializationSchema;
import dev.flinkedge.kafka.KafkaClientConfig;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/**
 * Sinks for results that users consume with any Kafka client: one JSON object per record, keyed by
 * the record's key (camera or vehicle), with the edge metadata and the payload.
 *
 * <pre>{@code
 * plates.sinkTo(ResultSinks.kafkaJson(KafkaClientConfig.of("localhost:9092"), "plates"));
 * // {"sourceId":"cam-1","key":"cam-1","eventTimeMs":…,"location":{"lat":…,"lon":…},
 * //  "stages":{"capture":…,"detect":…},"emittedAtMs":…,"payload":{…}}
 * }</pre>
 */
@PublicEvolving
public final class ResultSinks {

    private ResultSinks() {}

    /**
     * At-least-once JSON results on {@code topic}, written with the client properties of {@code
     * kafka}.
     */
    public static <T extends EdgeData> KafkaSink<T> kafkaJson(
            KafkaClientConfig kafka, String topic) {
        return KafkaSink.<T>builder()
                .setKafkaProducerConfig(kafka.toProperties())
                .setBootstrapServers(kafka.bootstrapServers())
                .setRecordSerializer(new JsonResultSerializationSchema<>(topic))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setProperty("linger.ms", "0")
                .build();
    }
}
