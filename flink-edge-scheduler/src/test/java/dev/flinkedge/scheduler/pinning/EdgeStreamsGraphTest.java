package dev.flinkedge.scheduler.pinning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.flinkedge.connectors.api.EdgeStream;
import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.api.MapOperator;
import dev.flinkedge.connectors.api.SharedChannel;
import dev.flinkedge.connectors.api.WindowOperator;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.source.generated.GeneratedCameras;
import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.SourceSpec;
import dev.flinkedge.scheduler.placement.AreaFindingTest;
import dev.flinkedge.scheduler.placement.DeviceSites;
import dev.flinkedge.scheduler.placement.PlacementPlan;
import dev.flinkedge.scheduler.placement.Placer;
import dev.flinkedge.scheduler.placement.PlanNode;
import dev.flinkedge.scheduler.topology.Topology;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

class EdgeStreamsGraphTest {

    private static final String AP1_BOX =
            "POLYGON ((11.48 48.08, 11.52 48.08, 11.52 48.12," + " 11.48 48.12, 11.48 48.08))";

    @Test
    void convertsSourcesMapsWindowsAndUnionsAndPlacesThem() {
        FakeRegistry registry = new FakeRegistry();
        registry.raw("cams", SourceSpec.devices(List.of("d1", "d4")));
        registry.raw("ap1Cams", SourceSpec.areas(List.of(AP1_BOX)));
        EdgeStreams job = job(registry);
        EdgeStream<Frame> cams = job.importStream("cams");
        EdgeStream<Frame> ap1 = job.importStream("ap1Cams");
        EdgeStream<Frame> detected = job.derive("detected", new Detect(), cams);
        EdgeStream<Frame> both = job.union(detected, ap1);
        job.derive("counts", new Count(), both.fixedWindow(Duration.ofSeconds(10)))
                .sinkTo(new DiscardingSink<>(), "router");
        job.derive("merged", new Detect(), cams, ap1).sinkTo(new DiscardingSink<>());
        Topology topology = AreaFindingTest.tree();
        DeviceSites devices = AreaFindingTest.devices(topology);

        List<PlanNode> nodes = EdgeStreamsGraph.from(job, devices);
        PlacementPlan plan = new Placer(topology, devices, 8).place(nodes);

        assertThat(nodes)
                .extracting(PlanNode::id, PlanNode::kind)
                .containsExactly(
                        tuple("alice/cams", PlanNode.Kind.SOURCE),
                        tuple("alice/ap1Cams", PlanNode.Kind.SOURCE),
                        tuple("alice/detected", PlanNode.Kind.MAP),
                        tuple("union", PlanNode.Kind.UNION),
                        tuple("window", PlanNode.Kind.UNION),
                        tuple("alice/counts", PlanNode.Kind.KEYED),
                        tuple("sink:alice/counts", PlanNode.Kind.SINK),
                        tuple("alice/merged", PlanNode.Kind.MAP),
                        tuple("sink:alice/merged", PlanNode.Kind.SINK));
        assertThat(nodes.get(0).sourceDevices()).containsExactly("d1", "d4");
        assertThat(nodes.get(1).sourceSites()).containsExactly("ap-1");
        assertThat(nodes.get(1).sourceDevices()).containsExactly("d1", "d2", "d3");
        assertThat(nodes.get(7).inputs()).containsExactly("alice/cams", "alice/ap1Cams");
        assertThat(plan.placement())
                .containsEntry("alice/cams@ap-1", "ap-1")
                .containsEntry("alice/cams@ap-2", "ap-2")
                .containsEntry("alice/ap1Cams", "ap-1")
                .containsEntry("alice/detected@ap-2", "ap-2")
                .containsEntry("alice/counts", "router")
                .containsEntry("sink:alice/counts", "router")
                .containsEntry("alice/merged@ap-1", "ap-1")
                .containsEntry("alice/merged@ap-2", "ap-2")
                .containsEntry("sink:alice/merged@ap-2", "ap-2");
    }

    @Test
    void placesASharedStreamAtItsProducersSiteElseAtTheRoot() {
        FakeRegistry registry = new FakeRegistry();
        registry.derived("atAp2", new Producer("job-1", "ap-2"));
        registry.derived("nowhere", new Producer("job-2", null));
        EdgeStreams job = job(registry);
        job.importStream("atAp2");
        job.importStream("nowhere");
        Topology topology = AreaFindingTest.tree();

        List<PlanNode> nodes = EdgeStreamsGraph.from(job, AreaFindingTest.devices(topology));

        assertThat(nodes)
                .extracting(PlanNode::sourceSites)
                .containsExactly(List.of("ap-2"), List.of("cloud"));
    }

    @Test
    void rejectsARawStreamWithAnUnknownDevice() {
        FakeRegistry registry = new FakeRegistry();
        registry.raw("cams", SourceSpec.devices(List.of("d9")));
        EdgeStreams job = job(registry);
        job.importStream("cams");
        Topology topology = AreaFindingTest.tree();

        assertThatThrownBy(() -> EdgeStreamsGraph.from(job, AreaFindingTest.devices(topology)))
                .hasMessageContaining("device 'd9' is not known");
    }

    private static EdgeStreams job(StreamRegistry registry) {
        return EdgeStreams.on(
                        StreamExecutionEnvironment.getExecutionEnvironment(), registry, "alice")
                .withChannel(SharedChannel.of("localhost:9092", "http://localhost:8081", "t"))
                .withRawSources(new GeneratedCameras(1));
    }

    private static final class Detect extends MapOperator<Frame, Frame> {
        Detect() {
            super("detect", "1", Map.of(), TypeInformation.of(Frame.class));
        }

        @Override
        public void process(Frame in, Collector<Frame> out) {
            out.collect(in);
        }
    }

    private static final class Count extends WindowOperator<Frame, Frame> {
        Count() {
            super("count", "1", Map.of(), TypeInformation.of(Frame.class));
        }

        @Override
        public void process(
                String key, long start, long end, Iterable<Frame> in, Collector<Frame> out) {
            in.forEach(out::collect);
        }
    }
}
