package dev.flinkedge.connectors.source.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.registry.model.Guarantee;
import dev.flinkedge.registry.model.StreamRef;

import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.connector.kafka.source.enumerator.KafkaSourceEnumState;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

/** Where a restarted reader resumes: the splits the enumerator hands back to Kafka's. */
class SharedStreamEnumeratorTest {

    private static final StreamRef CARS = new StreamRef("alice", "Cars");
    private static final TopicPartition PARTITION = new TopicPartition("shared.alice.Cars", 3);

    private final CapturingEnumerator kafka = new CapturingEnumerator();

    /** addSplitsBack needs no context, channel or start(): they only serve the lease and watch. */
    private SharedStreamEnumerator enumerator(Guarantee guarantee) {
        return new SharedStreamEnumerator(kafka, null, CARS, guarantee, "bob", null, 30);
    }

    @Test
    void aLiveReaderResumesAtTheLiveEnd() {
        enumerator(Guarantee.LIVE)
                .addSplitsBack(
                        List.of(
                                new KafkaPartitionSplit(PARTITION, 42),
                                new KafkaPartitionSplit(PARTITION, 42, 99)),
                        1);

        assertThat(kafka.addedBack)
                .containsExactly(
                        new KafkaPartitionSplit(PARTITION, KafkaPartitionSplit.LATEST_OFFSET),
                        new KafkaPartitionSplit(PARTITION, KafkaPartitionSplit.LATEST_OFFSET, 99));
        assertThat(kafka.subtask).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(
            value = Guarantee.class,
            names = {"AT_LEAST_ONCE", "EXACTLY_ONCE"})
    void otherReadersKeepTheirOffsets(Guarantee guarantee) {
        enumerator(guarantee).addSplitsBack(List.of(new KafkaPartitionSplit(PARTITION, 42)), 1);

        assertThat(kafka.addedBack).containsExactly(new KafkaPartitionSplit(PARTITION, 42));
        assertThat(kafka.subtask).isEqualTo(1);
    }

    /** Kafka's enumerator as far as add-back goes: records what it is handed. */
    private static final class CapturingEnumerator
            implements SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> {
        final List<KafkaPartitionSplit> addedBack = new ArrayList<>();
        int subtask = -1;

        @Override
        public void addSplitsBack(List<KafkaPartitionSplit> splits, int subtaskId) {
            addedBack.addAll(splits);
            subtask = subtaskId;
        }

        @Override
        public void start() {}

        @Override
        public void handleSplitRequest(int subtaskId, String requesterHostname) {}

        @Override
        public void addReader(int subtaskId) {}

        @Override
        public KafkaSourceEnumState snapshotState(long checkpointId) {
            throw new UnsupportedOperationException("not needed by these tests");
        }

        @Override
        public void close() {}
    }
}
