package dev.flinkedge.connectors.source.shared;

import dev.flinkedge.connectors.api.SharedChannel;
import dev.flinkedge.connectors.runtime.StreamClientIds;
import dev.flinkedge.registry.model.Guarantee;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.KafkaSourceEnumState;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Reads a shared stream that another job produces: Flink's {@link KafkaSource} on the stream's
 * topic, plus a lease on the stream held by the job while it runs, and a grant check on the data
 * plane — the job fails with {@link dev.flinkedge.connectors.api.StreamAccessRevokedException} when
 * the owner revokes access. A job starts reading LIVE and AT_LEAST_ONCE streams at the live end,
 * EXACTLY_ONCE streams at the reader's committed offsets with {@code
 * isolation.level=read_committed}. A reader that restarts resumes at its last checkpoint's offsets;
 * without a checkpoint, a LIVE reader resumes at the live end (what was written while it was down
 * is skipped) and the others at the offsets they were first given (what they read since comes
 * again, nothing is lost).
 *
 * <pre>{@code
 * env.fromSource(SharedStreamSource.forStream(descriptor, "city-b", type, channel),
 *         WatermarkStrategy.noWatermarks(), "shared:" + descriptor.ref());
 * }</pre>
 *
 * @param <T> record type
 */
@Internal
public final class SharedStreamSource<T>
        implements Source<T, KafkaPartitionSplit, KafkaSourceEnumState>, ResultTypeQueryable<T> {
    private static final long serialVersionUID = 1L;

    /** Default lease a reading job holds, renewed every third of it. */
    public static final int DEFAULT_LEASE_SECONDS = 30;

    private final KafkaSource<T> kafka;
    private final StreamRef stream;
    private final Guarantee guarantee;
    private final String reader;
    private final SharedChannel channel;
    private final int leaseSeconds;

    private SharedStreamSource(
            KafkaSource<T> kafka,
            StreamRef stream,
            Guarantee guarantee,
            String reader,
            SharedChannel channel,
            int leaseSeconds) {
        this.kafka = kafka;
        this.stream = stream;
        this.guarantee = guarantee;
        this.reader = reader;
        this.channel = channel;
        this.leaseSeconds = leaseSeconds;
    }

    /**
     * A source for {@code stream} read by principal {@code reader}.
     *
     * @param type the stream's record type, the one its tap wrote with
     */
    public static <T> SharedStreamSource<T> forStream(
            StreamDescriptor stream,
            String reader,
            TypeInformation<T> type,
            SharedChannel channel) {
        return forStream(stream, reader, type, channel, DEFAULT_LEASE_SECONDS);
    }

    /** As {@link #forStream(StreamDescriptor, String, TypeInformation, SharedChannel)}. */
    public static <T> SharedStreamSource<T> forStream(
            StreamDescriptor stream,
            String reader,
            TypeInformation<T> type,
            SharedChannel channel,
            int leaseSeconds) {
        if (!stream.isReadableBy(reader)) {
            throw new IllegalArgumentException(
                    "'"
                            + reader
                            + "' may not read "
                            + stream.ref()
                            + "; ask '"
                            + stream.owner()
                            + "' for a grant");
        }
        boolean exactlyOnce = stream.guarantee() == Guarantee.EXACTLY_ONCE;
        var builder =
                KafkaSource.<T>builder()
                        .setProperties(channel.kafka().toProperties())
                        .setBootstrapServers(channel.kafka().bootstrapServers())
                        .setTopics(stream.topic())
                        .setDeserializer(new SharedRecordDeserializer<>(type))
                        .setClientIdPrefix(
                                StreamClientIds.readerClientIdPrefix(reader, stream.ref()))
                        // The topic may gain partitions; and it may not exist yet if the tap is
                        // new.
                        .setProperty("partition.discovery.interval.ms", "1000");
        if (exactlyOnce) {
            builder.setGroupId(StreamClientIds.readerGroupId(reader, stream.ref()))
                    .setStartingOffsets(
                            OffsetsInitializer.committedOffsets(OffsetResetStrategy.LATEST))
                    .setProperty("isolation.level", "read_committed");
        } else {
            builder.setStartingOffsets(OffsetsInitializer.latest())
                    .setProperty("commit.offsets.on.checkpoint", "false");
        }
        return new SharedStreamSource<>(
                builder.build(), stream.ref(), stream.guarantee(), reader, channel, leaseSeconds);
    }

    /** The stream read. */
    public StreamRef stream() {
        return stream;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<T, KafkaPartitionSplit> createReader(SourceReaderContext ctx)
            throws Exception {
        return kafka.createReader(ctx);
    }

    @Override
    public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> createEnumerator(
            SplitEnumeratorContext<KafkaPartitionSplit> ctx) {
        return new SharedStreamEnumerator(
                kafka.createEnumerator(ctx), ctx, stream, guarantee, reader, channel, leaseSeconds);
    }

    @Override
    public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> restoreEnumerator(
            SplitEnumeratorContext<KafkaPartitionSplit> ctx, KafkaSourceEnumState state)
            throws Exception {
        return new SharedStreamEnumerator(
                kafka.restoreEnumerator(ctx, state),
                ctx,
                stream,
                guarantee,
                reader,
                channel,
                leaseSeconds);
    }

    @Override
    public SimpleVersionedSerializer<KafkaPartitionSplit> getSplitSerializer() {
        return kafka.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<KafkaSourceEnumState> getEnumeratorCheckpointSerializer() {
        return kafka.getEnumeratorCheckpointSerializer();
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return kafka.getProducedType();
    }
}
