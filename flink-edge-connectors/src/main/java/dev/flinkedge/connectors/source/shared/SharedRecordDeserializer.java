package dev.flinkedge.connectors.source.shared;

import dev.flinkedge.connectors.serialization.EdgeCodec;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;

/** Decodes the records a tap wrote, with the same Kryo codec the tap used. */
final class SharedRecordDeserializer<T> implements KafkaRecordDeserializationSchema<T> {
    private static final long serialVersionUID = 1L;

    private final TypeInformation<T> type;
    private transient EdgeCodec<T> codec;

    SharedRecordDeserializer(TypeInformation<T> type) {
        this.type = type;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        codec = EdgeCodec.of(type.getTypeClass());
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out)
            throws IOException {
        if (record.value() == null) {
            return;
        }
        try {
            out.collect(codec.decode(record.value()));
        } catch (IllegalArgumentException e) {
            throw new IOException(
                    "Cannot read record "
                            + record.topic()
                            + "-"
                            + record.partition()
                            + "@"
                            + record.offset()
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return type;
    }
}
