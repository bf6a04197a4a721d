package dev.flinkedge.connectors.source.shared;

import dev.flinkedge.connectors.serialization.EdgeCodec;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.util.function.LongSupplier;

/**
 * Decodes the records a tap wrote, with the same Kryo codec the tap used, and reports the age of
 * the newest record read as the {@value #NEWEST_RECORD_AGE_MS} gauge: a reader of a stream whose
 * producer stopped sees it grow.
 */
final class SharedRecordDeserializer<T> implements KafkaRecordDeserializationSchema<T> {
    private static final long serialVersionUID = 1L;

    /**
     * Gauge: milliseconds from the newest record's timestamp (the event time the tap wrote) to now;
     * -1 before the first record.
     */
    static final String NEWEST_RECORD_AGE_MS = "newestRecordAgeMs";

    private final TypeInformation<T> type;
    private transient EdgeCodec<T> codec;
    private transient NewestRecord newest;

    SharedRecordDeserializer(TypeInformation<T> type) {
        this.type = type;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        codec = EdgeCodec.of(type.getTypeClass());
        newest = new NewestRecord(System::currentTimeMillis);
        // KafkaSource opens the deserializer with the reader's group plus "deserializer".
        context.getMetricGroup().gauge(NEWEST_RECORD_AGE_MS, newest::ageMs);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out)
            throws IOException {
        if (record.value() == null) {
            return;
        }
        newest.read(record.timestamp());
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

    /** The newest timestamp read; written by the reader's task thread, read by metric reporters. */
    static final class NewestRecord {
        private final LongSupplier clock;
        private volatile long timestampMs = Long.MIN_VALUE;

        NewestRecord(LongSupplier clock) {
            this.clock = clock;
        }

        void read(long recordTimestampMs) {
            if (recordTimestampMs > timestampMs) {
                timestampMs = recordTimestampMs;
            }
        }

        /** Milliseconds since the newest record's timestamp (at least 0), or -1 before any. */
        long ageMs() {
            long t = timestampMs;
            return t == Long.MIN_VALUE ? -1 : Math.max(0, clock.getAsLong() - t);
        }
    }
}
