package dev.flinkedge.connectors.source.shared;

import dev.flinkedge.connectors.sink.internal.TypeSerializerCodec;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Decodes the records a tap wrote, with the same Flink serializer the tap used. */
final class SharedRecordDeserializer<T> implements KafkaRecordDeserializationSchema<T> {
    private static final long serialVersionUID = 1L;

    private final TypeSerializerCodec<T> codec;

    SharedRecordDeserializer(TypeInformation<T> type) {
        this.codec = new TypeSerializerCodec<>(type);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out)
            throws IOException {
        if (record.value() != null) {
            out.collect(codec.decode(record.value()));
        }
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return codec.type();
    }
}
