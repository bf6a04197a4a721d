package dev.flinkedge.scheduler.pinning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.api.EdgeStream;
import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.api.PlacementStrategy;
import dev.flinkedge.connectors.api.PlacementStrategy.Branch;
import dev.flinkedge.connectors.api.SharedChannel;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.source.generated.GeneratedCameras;
import dev.flinkedge.connectors.testutil.Tagged;
import dev.flinkedge.connectors.testutil.TaggingOperator;
import dev.flinkedge.registry.model.SourceSpec;
import dev.flinkedge.scheduler.plan.TestCountsJob;
import dev.flinkedge.scheduler.topology.Site;
import dev.flinkedge.scheduler.topology.Tier;
import dev.flinkedge.scheduler.topology.Topology;
import dev.flinkedge.scheduler.topology.TopologyLoader;

import org.apache.flink.api.common.operators.SlotSharingGroup;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The test job's Flink graph under {@link TopologyPlacement}, built but not run. */
class TopologyPlacementTest {

    private static final Topology TOPOLOGY =
            TopologyLoader.load(Path.of("src/test/resources/topology-cameras.yaml"));

    private static EdgeStreams job(PlacementStrategy placement, int parallelism) {
        FakeRegistry registry = new FakeRegistry();
        registry.raw("Video", SourceSpec.devices(List.of("cam-1", "cam-2", "cam-3")));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        return EdgeStreams.on(env, registry, "alice")
                .withChannel(SharedChannel.of("localhost:9092", "http://localhost:8090", "t"))
                .withRawSources(new GeneratedCameras(1))
                .withPlacement(placement);
    }

    @Test
    void asksForOneUnitOfTheSitesResourceAndTokenCpuAndHeap() {
        Topology smallCpu =
                Topology.of(
                        List.of(new Site("cloud", Tier.CLOUD, null, new GeoPoint(0, 0), 4, 0.2)),
                        List.of());

        SlotSharingGroup edge = TopologyPlacement.of(TOPOLOGY).slotSharingGroup("edge-1");
        SlotSharingGroup cloud = TopologyPlacement.of(smallCpu).slotSharingGroup("cloud");

        assertThat(edge.getName()).isEqualTo("site-edge-1");
        assertThat(edge.getExternalResources()).isEqualTo(Map.of("edge-1", 1.0));
        assertThat(edge.getCpuCores()).contains(0.1);
        assertThat(edge.getTaskHeapMemory()).contains(MemorySize.ofMebiBytes(16));
        assertThat(edge.getTaskOffHeapMemory()).contains(MemorySize.ZERO);
        assertThat(edge.getManagedMemory()).contains(MemorySize.ZERO);
        assertThat(cloud.getCpuCores()).contains(0.05);
        assertThatThrownBy(() -> TopologyPlacement.of(TOPOLOGY).slotSharingGroup("cam-1"))
                .hasMessageContaining("site 'cam-1' hosts no tasks");
    }

    @Test
    void buildsOneCopyPerSiteAndPutsEveryOperatorIntoItsSitesGroup() throws Exception {
        TopologyPlacement placement = TopologyPlacement.of(TOPOLOGY);
        EdgeStreams es = job(placement, 1);
        new TestCountsJob().define(es, new Configuration());

        assertThat(placement.branches(es, es.streams().get(0)))
                .containsExactly(
                        new Branch("edge-1", List.of("cam-1", "cam-2")),
                        new Branch("edge-2", List.of("cam-3")));
        StreamGraph graph = es.env().getStreamGraph(false);
        Map<String, String> groupByOperator = new TreeMap<>();
        for (StreamNode node : graph.getStreamNodes()) {
            String site = node.getSlotSharingGroup().substring("site-".length());
            assertThat(graph.getSlotSharingGroupResource(node.getSlotSharingGroup()))
                    .as(node.getOperatorName())
                    .get()
                    .extracting(profile -> profile.getExtendedResources().keySet())
                    .isEqualTo(Set.of(site));
            groupByOperator.merge(
                    node.getOperatorName(),
                    node.getSlotSharingGroup(),
                    (a, b) -> a.equals(b) ? a : a + "," + b);
        }
        assertThat(groupByOperator)
                .containsEntry("Source: cameras:alice/Video@edge-1", "site-edge-1")
                .containsEntry("Source: cameras:alice/Video@edge-2", "site-edge-2")
                .containsEntry("detect@edge-1", "site-edge-1")
                .containsEntry("detect@edge-2", "site-edge-2")
                .containsEntry("tap:alice/Cars@edge-2: Writer", "site-edge-2")
                .containsEntry("Sink@edge-1: Writer", "site-edge-1")
                .containsEntry("count", "site-cloud")
                .containsEntry("tap:alice/Counts: Writer", "site-cloud")
                .containsEntry("Sink: Writer", "site-cloud");
        assertThat(graph.getStreamNodes())
                .extracting(StreamNode::getTransformationUID)
                .contains(
                        "op-"
                                + es.producedStreams().get(0).fingerprint().substring(0, 16)
                                + "@edge-1");
        placement.check(graph);
    }

    @Test
    void refusesAJobWhoseParallelismExceedsTheSlotsOfASite() {
        TopologyPlacement placement = TopologyPlacement.of(TOPOLOGY);
        EdgeStreams es = job(placement, 3);
        new TestCountsJob().define(es, new Configuration());
        StreamGraph graph = es.env().getStreamGraph(false);
        graph.setJobName("wide");

        assertThatThrownBy(() -> placement.check(graph))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "Job 'wide' does not fit its sites: edge-1 needs 3 slots"
                                + " for [Sink@edge-1: Writer, detect@edge-1, ")
                .hasMessageContaining("] but has 2; edge-2 needs 3 slots for [")
                .hasMessageContaining("never moved to another site");
    }

    @Test
    void refusesAPlacementSetAfterOperatorsWereBuilt() {
        TopologyPlacement placement = TopologyPlacement.of(TOPOLOGY);
        EdgeStreams es = job(placement, 1);
        new TestCountsJob().define(es, new Configuration());

        assertThatThrownBy(() -> es.withPlacement(placement))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("withPlacement(..) comes too late");
    }

    @Test
    void placesAJobOnceHowManyNodesItHas() {
        assertThat(placementsOfAChain(2)).isEqualTo(1);
        assertThat(placementsOfAChain(20)).isEqualTo(1);
    }

    @Test
    void placesAgainOnlyWhenNodesWereAddedSinceTheLastPlacement() {
        CountingPlacement placement = new CountingPlacement(TopologyPlacement.of(TOPOLOGY));
        EdgeStreams es = job(placement, 1);
        new TestCountsJob().define(es, new Configuration());
        es.env().getStreamGraph(false);

        // Once for the nodes up to the first sink, once for the count and the sink added after it.
        assertThat(placement.places).isEqualTo(2);
    }

    /** How often the strategy places a job of {@code stages} operators in a row and a sink. */
    private static int placementsOfAChain(int stages) {
        CountingPlacement placement = new CountingPlacement(TopologyPlacement.of(TOPOLOGY));
        EdgeStreams es = job(placement, 1);
        EdgeStream<EdgeRecord<Tagged>> last =
                es.derive("Stage0", new TaggingOperator("stage-0"), es.importStream("Video"));
        for (int i = 1; i < stages; i++) {
            last = es.derive("Stage" + i, new TaggingOperator("stage-" + i), last);
        }
        last.sinkTo(new DiscardingSink<>());
        assertThat(es.env().getStreamGraph(false).getStreamNodes())
                .as("operators and taps of each stage, two cameras' sources and sinks")
                .hasSizeGreaterThan(2 * stages);
        return placement.places;
    }

    /** The topology's placement, counting how often it places a job. */
    private static final class CountingPlacement implements PlacementStrategy {
        private final TopologyPlacement delegate;
        private int places;

        CountingPlacement(TopologyPlacement delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<EdgeStream<?>, List<Branch>> place(EdgeStreams job) {
            places++;
            return delegate.place(job);
        }

        @Override
        public SlotSharingGroup slotSharingGroup(String site) {
            return delegate.slotSharingGroup(site);
        }

        @Override
        public void check(StreamGraph graph) {
            delegate.check(graph);
        }
    }
}
