package dev.flinkedge.connectors.sink.internal;

import dev.flinkedge.connectors.model.EdgeData;
import dev.flinkedge.connectors.runtime.StreamGate;
import dev.flinkedge.connectors.serialization.EdgeCodec;
import dev.flinkedge.registry.model.StreamRef;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.FlinkRuntimeException;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/**
 * The tap's gate: serializes a record for the stream's topic only while the registry shows a live
 * subscription (or the stream is durable) and returns null otherwise, which Flink's {@code
 * KafkaWriter} skips. Opening and closing the gate changes nothing else in the running job.
 *
 * @param <T> record type
 */
@Internal
public final class GatedRecordSerializationSchema<T> implements KafkaRecordSerializationSchema<T> {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final StreamRef stream;
    private final String registryBootstrapServers;
    private final String registryTopic;
    private final Class<T> type;
    private transient EdgeCodec<T> codec;
    private transient StreamGate gate;

    /**
     * @param type the records' class; they are written with flink-edge's Kryo codec, the format the
     *     stream's descriptor names ({@code serializer: KRYO})
     */
    public GatedRecordSerializationSchema(
            String topic,
            StreamRef stream,
            String registryBootstrapServers,
            String registryTopic,
            Class<T> type) {
        this.topic = topic;
        this.stream = stream;
        this.registryBootstrapServers = registryBootstrapServers;
        this.registryTopic = registryTopic;
        this.type = type;
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sink)
            throws Exception {
        codec = EdgeCodec.of(type);
        gate = StreamGate.open(registryBootstrapServers, registryTopic, stream);
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T record, KafkaSinkContext ctx, Long ts) {
        if (!gate.isOpen()) {
            return null;
        }
        try {
            byte[] key =
                    record instanceof EdgeData e ? e.key().getBytes(StandardCharsets.UTF_8) : null;
            Long timestamp = record instanceof EdgeData e ? Long.valueOf(e.eventTimeMs()) : ts;
            return new ProducerRecord<>(topic, null, timestamp, key, codec.encode(record));
        } catch (IllegalArgumentException e) {
            throw new FlinkRuntimeException(
                    "Cannot write a record of " + stream + ": " + e.getMessage(), e);
        }
    }
}
