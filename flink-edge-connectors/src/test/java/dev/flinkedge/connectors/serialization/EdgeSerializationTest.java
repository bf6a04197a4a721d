package dev.flinkedge.connectors.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Predicate;

/** How {@link EdgeSerialization} edits {@code pipeline.serialization-config}. */
class EdgeSerializationTest {

    private static final String FRAME_ENTRY =
            "dev.flinkedge.connectors.model.Frame: {type: typeinfo,"
                    + " class: dev.flinkedge.connectors.serialization.FrameTypeInfoFactory}";

    private static final Predicate<Class<?>> NONE = type -> false;

    @Test
    void leavesTheConfigurationAloneOnceThisJvmHasRegisteredTheFactories() {
        Configuration conf = new Configuration();

        EdgeSerialization.configure(conf, type -> true);

        assertThat(conf.get(PipelineOptions.SERIALIZATION_CONFIG)).isEmpty();
    }

    @Test
    void addsTypeinfoEntriesForFrameAndEdgeRecord() {
        Configuration conf = EdgeSerialization.configure(new Configuration(), NONE);

        assertThat(conf.get(PipelineOptions.SERIALIZATION_CONFIG))
                .containsExactly(
                        FRAME_ENTRY,
                        "dev.flinkedge.connectors.model.EdgeRecord: {type: typeinfo, class:"
                                + " dev.flinkedge.connectors.serialization.EdgeRecordTypeInfoFactory}");
    }

    @Test
    void keepsOtherEntriesAndIsIdempotent() {
        Configuration conf = new Configuration();
        String other = "org.example.Thing: {type: pojo}";
        conf.set(PipelineOptions.SERIALIZATION_CONFIG, List.of(other));

        EdgeSerialization.configure(conf, NONE);
        EdgeSerialization.configure(conf, NONE);

        assertThat(conf.get(PipelineOptions.SERIALIZATION_CONFIG))
                .hasSize(3)
                .startsWith(other)
                .containsAll(EdgeSerialization.serializationConfig());
    }

    @Test
    void acceptsTheSameEntryWrittenWithOtherSpacing() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.SERIALIZATION_CONFIG, List.of(FRAME_ENTRY.replace(" ", "")));

        EdgeSerialization.configure(conf, NONE);

        assertThat(conf.get(PipelineOptions.SERIALIZATION_CONFIG)).hasSize(2);
    }

    @Test
    void refusesToOverrideAnotherSerializerForFrame() {
        Configuration conf = new Configuration();
        conf.set(
                PipelineOptions.SERIALIZATION_CONFIG,
                List.of("dev.flinkedge.connectors.model.Frame: {type: kryo}"));

        assertThatThrownBy(() -> EdgeSerialization.configure(conf, NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pipeline.serialization-config")
                .hasMessageContaining("{type: kryo}");
    }
}
