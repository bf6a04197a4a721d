package dev.flinkedge.jobs.bench.workload;

import dev.flinkedge.connectors.model.EdgeData;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.kafka.KafkaClientConfig;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/**
 * Writes which frames a job saw as {@code camera#sequence} lines (key: the camera) to a Kafka
 * topic: the fault suite logs what its cameras emitted and what its subscribers received this way,
 * and counts losses and duplicates by sequence number. Takes frames and the {@link SyntheticResult}
 * records derived from them.
 */
public final class SequenceLog<T extends EdgeData> implements KafkaRecordSerializationSchema<T> {
    private static final long serialVersionUID = 1L;

    private final String topic;

    private SequenceLog(String topic) {
        this.topic = topic;
    }

    /**
     * A sink logging to {@code topic}.
     *
     * @param guarantee EXACTLY_ONCE writes in Kafka transactions committed on checkpoints
     * @param transactionalIdPrefix unique per job and topic; used with EXACTLY_ONCE only
     */
    public static <T extends EdgeData> KafkaSink<T> sink(
            KafkaClientConfig kafka,
            String topic,
            DeliveryGuarantee guarantee,
            String transactionalIdPrefix) {
        return KafkaSink.<T>builder()
                .setKafkaProducerConfig(kafka.toProperties())
                .setBootstrapServers(kafka.bootstrapServers())
                .setRecordSerializer(new SequenceLog<>(topic))
                .setDeliveryGuarantee(guarantee)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                // The broker refuses Flink's 1 h default (its maximum is 15 min).
                .setProperty("transaction.timeout.ms", "600000")
                .setProperty("linger.ms", "0")
                .build();
    }

    /** The {@code camera#sequence} line of a record. */
    public static String line(EdgeData record) {
        if (record instanceof Frame f) {
            return f.cameraId() + "#" + f.sequence();
        }
        if (record instanceof EdgeRecord<?> r && r.payload() instanceof SyntheticResult s) {
            return s.cameraId + "#" + s.sequence;
        }
        throw new IllegalArgumentException(
                "cannot log the sequence number of a "
                        + record.getClass().getName()
                        + "; log frames or synthetic results");
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T record, KafkaSinkContext context, Long ts) {
        return new ProducerRecord<>(
                topic,
                record.sourceId().getBytes(StandardCharsets.UTF_8),
                line(record).getBytes(StandardCharsets.UTF_8));
    }
}
