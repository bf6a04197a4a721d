package dev.flinkedge.connectors.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.testutil.EdgeTestEnvironment;
import dev.flinkedge.connectors.testutil.Samples;

import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Frames and edge records cross keyBy exchanges, chained maps and a collect sink in a MiniCluster
 * job with {@code pipeline.generic-types: false}: only flink-edge's serializers are used. The first
 * environment of the test JVM registers them through {@code pipeline.serialization-config}.
 */
class EdgeSerializationITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @Test
    void framesAndEdgeRecordsSurviveKeyByMapAndCollect(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        boolean registeredBefore = TypeExtractor.getTypeInfoFactory(Frame.class) != null;
        Configuration conf = EdgeTestEnvironment.edgeConfiguration(new Configuration());
        if (!registeredBefore) {
            assertThat(conf.get(PipelineOptions.SERIALIZATION_CONFIG))
                    .containsAll(EdgeSerialization.serializationConfig());
        }
        StreamExecutionEnvironment env =
                new TestStreamEnvironment(cluster, conf, 2, List.of(), List.of());
        assertThat(TypeExtractor.getTypeInfoFactory(Frame.class))
                .isInstanceOf(FrameTypeInfoFactory.class);

        List<Frame> frames = IntStream.range(0, 20).mapToObj(Samples::frame).toList();
        List<EdgeRecord<Samples.Vehicle>> vehicles =
                IntStream.range(0, 20)
                        .mapToObj(
                                i ->
                                        Samples.record(
                                                        new Samples.Vehicle(
                                                                "AB" + i + " CDE",
                                                                "red",
                                                                i / 20.0,
                                                                new ArrayList<>(
                                                                        List.of(i, i + 1, 10, 10))))
                                                .withKey("k" + (i % 4)))
                        .toList();
        List<EdgeRecord<String>> texts =
                IntStream.range(0, 20)
                        .mapToObj(i -> Samples.record("plate-" + i).withKey("k" + (i % 3)))
                        .toList();

        DataStream<Frame> frameStream = env.fromData(frames).keyBy(Frame::cameraId).map(f -> f);
        DataStream<EdgeRecord<Samples.Vehicle>> vehicleStream =
                env.fromData(vehicles, EdgeTypeInfo.edgeRecords(Samples.Vehicle.class))
                        .keyBy(EdgeRecord::key)
                        .map(r -> r)
                        .returns(new TypeHint<EdgeRecord<Samples.Vehicle>>() {});
        DataStream<EdgeRecord<String>> textStream =
                env.fromData(texts, new TypeHint<EdgeRecord<String>>() {}.getTypeInfo())
                        .keyBy(EdgeRecord::key)
                        .map(r -> r)
                        .returns(new TypeHint<EdgeRecord<String>>() {});

        assertThat(frameStream.getType()).isEqualTo(EdgeTypeInfo.frames());
        assertThat(vehicleStream.getType()).isInstanceOf(EdgeTypeInfo.class);
        assertThat(textStream.getType()).isInstanceOf(EdgeTypeInfo.class);

        CloseableIterator<Frame> frameOut = frameStream.collectAsync();
        CloseableIterator<EdgeRecord<Samples.Vehicle>> vehicleOut = vehicleStream.collectAsync();
        CloseableIterator<EdgeRecord<String>> textOut = textStream.collectAsync();
        JobClient job = env.executeAsync("edge-serialization");

        assertThat(drain(frameOut)).containsExactlyInAnyOrderElementsOf(frames);
        assertThat(drain(vehicleOut)).containsExactlyInAnyOrderElementsOf(vehicles);
        assertThat(drain(textOut)).containsExactlyInAnyOrderElementsOf(texts);
        assertThat(job.getJobExecutionResult().get().getJobID()).isEqualTo(job.getJobID());
    }

    @Test
    void genericTypesAreReallyDisabledInTheseJobs(@InjectMiniCluster MiniCluster cluster) {
        StreamExecutionEnvironment env =
                EdgeTestEnvironment.create(cluster, new Configuration(), 1);

        assertThatThrownBy(() -> env.fromData(new StringBuilder("not a pojo")))
                .hasStackTraceContaining("Generic types have been disabled");
    }

    @Test
    void typeExtractionUsesTheRegisteredFactories(@InjectMiniCluster MiniCluster cluster) {
        EdgeTestEnvironment.create(cluster, new Configuration(), 1);

        assertThat(TypeInformation.of(Frame.class)).isEqualTo(EdgeTypeInfo.frames());
        assertThat(TypeInformation.of(new TypeHint<EdgeRecord<String>>() {}))
                .isEqualTo(EdgeTypeInfo.edgeRecords(String.class));
    }

    private static <T> List<T> drain(CloseableIterator<T> it) throws Exception {
        List<T> out = new ArrayList<>();
        try (it) {
            it.forEachRemaining(out::add);
        }
        return out;
    }
}
