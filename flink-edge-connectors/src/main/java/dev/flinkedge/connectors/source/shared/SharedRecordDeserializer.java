package dev.flinkedge.connectors.source.shared;

import dev.flinkedge.connectors.serialization.EdgeCodec;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.LongSupplier;

/**
 * Decodes the records a tap wrote, with the same Kryo codec the tap used, and reports the age of
 * the newest record read as the {@value #NEWEST_RECORD_AGE_MS} gauge: a reader of a stream whose
 * producer stopped sees it grow.
 *
 * <p>A record that cannot be decoded (a class outside the allow-list, an unknown class id, a length
 * over a cap, truncated bytes, another format version) is skipped and counted in the {@value
 * #RECORDS_UNDECODABLE} counter, with a WARN naming its topic, partition and offset at most every
 * {@value #WARN_INTERVAL_MS} ms. Failing the reader instead would put it into a restart loop, since
 * the record is still there after the restart.
 */
final class SharedRecordDeserializer<T> implements KafkaRecordDeserializationSchema<T> {
    private static final long serialVersionUID = 1L;

    /**
     * Gauge: milliseconds from the newest record's timestamp (the event time the tap wrote) to now;
     * -1 before the first record.
     */
    static final String NEWEST_RECORD_AGE_MS = "newestRecordAgeMs";

    /** Counter: records of the shared topic that could not be decoded and were skipped. */
    static final String RECORDS_UNDECODABLE = "recordsUndecodable";

    /** Bad records come in bursts; one WARN per interval, with the count, keeps logs readable. */
    static final long WARN_INTERVAL_MS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(SharedRecordDeserializer.class);

    private final TypeInformation<T> type;
    private transient EdgeCodec<T> codec;
    private transient NewestRecord newest;
    private transient Counter undecodable;
    private transient long lastWarnMs;
    private transient long skippedSinceWarn;

    SharedRecordDeserializer(TypeInformation<T> type) {
        this.type = type;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        codec = EdgeCodec.of(type.getTypeClass());
        newest = new NewestRecord(System::currentTimeMillis);
        // KafkaSource opens the deserializer with the reader's group plus "deserializer".
        context.getMetricGroup().gauge(NEWEST_RECORD_AGE_MS, newest::ageMs);
        undecodable = context.getMetricGroup().counter(RECORDS_UNDECODABLE);
        lastWarnMs = Long.MIN_VALUE;
        skippedSinceWarn = 0;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) {
        if (record.value() == null) {
            return;
        }
        newest.read(record.timestamp());
        T value;
        try {
            value = codec.decode(record.value());
        } catch (IllegalArgumentException e) {
            skip(record, e);
            return;
        }
        out.collect(value);
    }

    private void skip(ConsumerRecord<byte[], byte[]> record, IllegalArgumentException e) {
        undecodable.inc();
        skippedSinceWarn++;
        long now = System.currentTimeMillis();
        if (lastWarnMs != Long.MIN_VALUE && now - lastWarnMs < WARN_INTERVAL_MS) {
            return;
        }
        LOG.warn(
                "Skipping undecodable record {}-{}@{} ({} skipped since the last warning, {} in"
                        + " all; metric {}): {}",
                record.topic(),
                record.partition(),
                record.offset(),
                skippedSinceWarn,
                undecodable.getCount(),
                RECORDS_UNDECODABLE,
                e.getMessage());
        lastWarnMs = now;
        skippedSinceWarn = 0;
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
