package dev.flinkedge.jobs.bench.faults;

import dev.flinkedge.connectors.api.EdgeStream;
import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.api.PlacementStrategy;
import dev.flinkedge.scheduler.pinning.TopologyPlacement;

import org.apache.flink.api.common.operators.SlotSharingGroup;
import org.apache.flink.streaming.api.graph.StreamGraph;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a whole job at one site of the fault suite's cluster, so that the suite knows which
 * TaskManager a producer or a subscriber runs on. The site's slot sharing group and the slot check
 * are the topology's ({@link TopologyPlacement}); only the choice of the site is fixed.
 */
final class SitePinning implements PlacementStrategy {

    private final TopologyPlacement topology;
    private final String site;

    SitePinning(TopologyPlacement topology, String site) {
        this.topology = topology;
        this.site = site;
    }

    @Override
    public Map<EdgeStream<?>, List<Branch>> place(EdgeStreams job) {
        Map<EdgeStream<?>, List<Branch>> branches = new IdentityHashMap<>();
        for (EdgeStream<?> node : job.streams()) {
            List<String> devices =
                    node.kind() == EdgeStream.Kind.RAW
                            ? node.descriptor().source().devices()
                            : List.of();
            branches.put(node, List.of(new Branch(site, devices)));
        }
        return branches;
    }

    @Override
    public SlotSharingGroup slotSharingGroup(String site) {
        return topology.slotSharingGroup(site);
    }

    @Override
    public void check(StreamGraph graph) {
        topology.check(graph);
    }
}
