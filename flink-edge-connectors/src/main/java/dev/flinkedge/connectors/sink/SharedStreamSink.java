package dev.flinkedge.connectors.sink;

import dev.flinkedge.connectors.api.SharedChannel;
import dev.flinkedge.connectors.runtime.StreamClientIds;
import dev.flinkedge.connectors.sink.internal.GatedRecordSerializationSchema;
import dev.flinkedge.registry.model.Guarantee;
import dev.flinkedge.registry.model.StreamDescriptor;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/**
 * The tap: writes a derived stream to its Kafka topic on demand. It is Flink's {@link KafkaSink}
 * with a gated record serializer, so it writes nothing while nobody subscribes and starts writing
 * as soon as the registry shows a subscription — without restarting or pausing the producing job.
 * The stream's delivery guarantee picks the sink's: LIVE → none (perishable frames are not
 * retried), AT_LEAST_ONCE → at-least-once, EXACTLY_ONCE → Kafka transactions.
 *
 * <pre>{@code
 * stream.sinkTo(SharedStreamSink.forStream(descriptor, stream.getType(), channel)).name("tap");
 * }</pre>
 */
@Internal
public final class SharedStreamSink {

    /** The longest transaction timeout a default broker accepts (15 min). */
    static final String TRANSACTION_TIMEOUT_MS = "900000";

    private SharedStreamSink() {}

    /** Builds the tap for {@code stream}, whose records have type {@code type}. */
    public static <T> KafkaSink<T> forStream(
            StreamDescriptor stream, TypeInformation<T> type, SharedChannel channel) {
        var builder =
                KafkaSink.<T>builder()
                        .setKafkaProducerConfig(channel.kafka().toProperties())
                        .setBootstrapServers(channel.kafka().bootstrapServers())
                        .setRecordSerializer(
                                new GatedRecordSerializationSchema<>(
                                        stream.topic(),
                                        stream.ref(),
                                        channel.registryKafka(),
                                        channel.registryTopic(),
                                        type.getTypeClass()))
                        .setDeliveryGuarantee(deliveryGuarantee(stream.guarantee()))
                        .setProperty("client.id", StreamClientIds.tapClientId(stream.ref()));
        if (stream.guarantee() == Guarantee.EXACTLY_ONCE) {
            builder.setTransactionalIdPrefix(StreamClientIds.tapTransactionalIdPrefix(stream.ref()))
                    .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS);
        } else {
            // Kafka 4 batches for 5 ms by default; a live frame should leave at once.
            builder.setProperty("linger.ms", "0");
        }
        return builder.build();
    }

    static DeliveryGuarantee deliveryGuarantee(Guarantee g) {
        return switch (g) {
            case LIVE -> DeliveryGuarantee.NONE;
            case AT_LEAST_ONCE -> DeliveryGuarantee.AT_LEAST_ONCE;
            case EXACTLY_ONCE -> DeliveryGuarantee.EXACTLY_ONCE;
        };
    }
}
