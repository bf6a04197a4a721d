package dev.flinkedge.connectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.registry.model.Guarantee;
import dev.flinkedge.registry.model.Lineage;
import dev.flinkedge.registry.model.OperatorRef;
import dev.flinkedge.registry.model.SerializerFormat;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.model.WindowSpec;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class HostJobsTest {

    @Test
    void aHostJobCheckpointsWhenItsStreamIsNotLive() {
        for (Guarantee g : List.of(Guarantee.AT_LEAST_ONCE, Guarantee.EXACTLY_ONCE)) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

            HostJobs.checkpointFor(env, orphaned(g));

            assertThat(env.getCheckpointConfig().isCheckpointingEnabled()).as(g.name()).isTrue();
            assertThat(env.getCheckpointInterval())
                    .isEqualTo(HostJobs.CHECKPOINT_INTERVAL.toMillis());
        }
    }

    @Test
    void aLiveStreamsHostJobDoesNotCheckpoint() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        HostJobs.checkpointFor(env, orphaned(Guarantee.LIVE));

        assertThat(env.getCheckpointConfig().isCheckpointingEnabled()).isFalse();
    }

    @Test
    void anIntervalTheEnvironmentSetsIsKept() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(30_000);

        HostJobs.checkpointFor(env, orphaned(Guarantee.EXACTLY_ONCE));

        assertThat(env.getCheckpointInterval()).isEqualTo(30_000);
    }

    private static StreamDescriptor orphaned(Guarantee guarantee) {
        return new StreamDescriptor(
                "city-a",
                "Cars",
                StreamType.DERIVED,
                WindowSpec.none(),
                SerializerFormat.KRYO,
                "dev.flinkedge.Vehicle",
                guarantee,
                new Lineage(new OperatorRef("detect", "1", Map.of()), List.of("a".repeat(64))),
                null,
                false,
                1,
                StreamStatus.ORPHANED,
                null,
                StreamDescriptor.topicFor("city-a", "Cars"),
                "b".repeat(64),
                List.of(),
                List.of(),
                0L,
                0L,
                null);
    }
}
