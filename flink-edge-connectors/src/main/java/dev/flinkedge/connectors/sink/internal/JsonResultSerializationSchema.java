package dev.flinkedge.connectors.sink.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.flinkedge.connectors.model.EdgeData;
import dev.flinkedge.connectors.model.EdgeRecord;

import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.FlinkRuntimeException;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/** Writes an edge record as one JSON object keyed by its key; see {@code ResultSinks}. */
@Internal
public final class JsonResultSerializationSchema<T extends EdgeData>
        implements KafkaRecordSerializationSchema<T> {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private transient ObjectMapper json;

    public JsonResultSerializationSchema(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T record, KafkaSinkContext ctx, Long ts) {
        if (json == null) {
            // Payloads are plain value classes; their fields are the result, getters or not.
            json =
                    JsonMapper.builder()
                            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                            .build();
        }
        long now = System.currentTimeMillis();
        ObjectNode o = json.createObjectNode();
        o.put("sourceId", record.sourceId());
        o.put("key", record.key());
        o.put("eventTimeMs", record.eventTimeMs());
        o.putObject("location")
                .put("lat", record.location().lat())
                .put("lon", record.location().lon());
        ObjectNode stages = o.putObject("stages");
        record.stageTimes().asMap().forEach(stages::put);
        o.put("emittedAtMs", now);
        if (record instanceof EdgeRecord<?> r) {
            o.set("payload", json.valueToTree(r.payload()));
        }
        try {
            return new ProducerRecord<>(
                    topic,
                    null,
                    record.eventTimeMs(),
                    record.key().getBytes(StandardCharsets.UTF_8),
                    json.writeValueAsBytes(o));
        } catch (JsonProcessingException e) {
            throw new FlinkRuntimeException(
                    "Cannot write a result of " + record.sourceId() + " as JSON", e);
        }
    }
}
