package dev.flinkedge.connectors.sink.internal;

import dev.flinkedge.connectors.model.EdgeData;
import dev.flinkedge.connectors.runtime.StreamGate;
import dev.flinkedge.connectors.runtime.StreamTopics;
import dev.flinkedge.connectors.serialization.EdgeCodec;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.registry.model.StreamRef;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.FlinkRuntimeException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The tap's gate: serializes a record for the stream's topic only while the registry shows a live
 * subscription (or the stream is durable) and returns null otherwise, which Flink's {@code
 * KafkaWriter} skips. It also drops every record while another job holds the stream's production
 * lease (this job's lease lapsed and a host job took over), counting them in {@value
 * #RECORDS_DROPPED_OTHER_PRODUCER}, so a stream never has two writers; it writes again once the
 * lease names this job again. Opening and closing the gate changes nothing else in the running job:
 * the job's own downstream operators still get every record. Every record written carries the
 * writing job's id in header {@value StreamTopics#PRODUCER_JOB_HEADER}, so that a reader of the
 * topic can tell one producer from the next across a hand-over.
 *
 * @param <T> record type
 */
@Internal
public final class GatedRecordSerializationSchema<T> implements KafkaRecordSerializationSchema<T> {
    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(GatedRecordSerializationSchema.class);

    /** Counter of the records held back because another job holds the production lease. */
    static final String RECORDS_DROPPED_OTHER_PRODUCER = "recordsDroppedOtherProducer";

    private final String topic;
    private final StreamRef stream;
    private final KafkaClientConfig registryKafka;
    private final String registryTopic;
    private final Class<T> type;
    private transient EdgeCodec<T> codec;
    private transient StreamGate gate;
    private transient Counter droppedOtherProducer;
    private transient String jobId;
    private transient List<Header> headers;
    private transient boolean warnedOtherProducer;

    /**
     * @param type the records' class; they are written with flink-edge's Kryo codec, the format the
     *     stream's descriptor names ({@code serializer: KRYO})
     */
    public GatedRecordSerializationSchema(
            String topic,
            StreamRef stream,
            KafkaClientConfig registryKafka,
            String registryTopic,
            Class<T> type) {
        this.topic = topic;
        this.stream = stream;
        this.registryKafka = registryKafka;
        this.registryTopic = registryTopic;
        this.type = type;
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sink)
            throws Exception {
        codec = EdgeCodec.of(type);
        jobId = context.getMetricGroup().getAllVariables().get("<job_id>");
        if (jobId == null) {
            throw new IllegalStateException(
                    "The tap of "
                            + stream
                            + " cannot tell its job id: its metric group has no <job_id>");
        }
        headers =
                List.of(
                        new RecordHeader(
                                StreamTopics.PRODUCER_JOB_HEADER,
                                jobId.getBytes(StandardCharsets.UTF_8)));
        droppedOtherProducer = context.getMetricGroup().counter(RECORDS_DROPPED_OTHER_PRODUCER);
        gate = StreamGate.openForProducer(registryKafka, registryTopic, stream, jobId);
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T record, KafkaSinkContext ctx, Long ts) {
        if (gate.anotherProducer()) {
            droppedOtherProducer.inc();
            if (!warnedOtherProducer) {
                LOG.warn(
                        "Another job holds the production lease on {}: job {} no longer writes it"
                                + " (its records are dropped at the tap, counted in {}) until the"
                                + " registry marks the stream ACTIVE for this job again",
                        stream,
                        jobId,
                        RECORDS_DROPPED_OTHER_PRODUCER);
                warnedOtherProducer = true;
            }
            return null;
        }
        if (warnedOtherProducer) {
            LOG.info("Job {} holds the production lease on {} again: writing it", jobId, stream);
            warnedOtherProducer = false;
        }
        if (!gate.isOpen()) {
            return null;
        }
        try {
            byte[] key =
                    record instanceof EdgeData e ? e.key().getBytes(StandardCharsets.UTF_8) : null;
            Long timestamp = record instanceof EdgeData e ? Long.valueOf(e.eventTimeMs()) : ts;
            return new ProducerRecord<>(topic, null, timestamp, key, codec.encode(record), headers);
        } catch (IllegalArgumentException e) {
            throw new FlinkRuntimeException(
                    "Cannot write a record of " + stream + ": " + e.getMessage(), e);
        }
    }
}
