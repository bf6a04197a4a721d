package dev.flinkedge.scheduler.pinning;

import dev.flinkedge.connectors.api.EdgeStream;
import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.api.PlacementStrategy;
import dev.flinkedge.scheduler.placement.Device;
import dev.flinkedge.scheduler.placement.DeviceSites;
import dev.flinkedge.scheduler.placement.PlacementPlan;
import dev.flinkedge.scheduler.placement.Placer;
import dev.flinkedge.scheduler.placement.PlanNode;
import dev.flinkedge.scheduler.topology.Site;
import dev.flinkedge.scheduler.topology.Topology;
import dev.flinkedge.scheduler.topology.TopologyLoader;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.operators.SlotSharingGroup;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs an EdgeStreams job where the {@link Placer} places it on an edge topology: the placement
 * strategy the scheduler gives {@link EdgeStreams#withPlacement}. The Placer decides, in one run
 * per job; this class only hands its decisions to EdgeStreams — the sites of each node, the devices
 * each copy of a RAW stream reads — and turns a site into a slot sharing group.
 *
 * <p>All operators of a job at one site share the group {@code site-<id>}. It asks for one unit of
 * the site's external resource (each TaskManager of the site declares one unit per slot, see {@code
 * FlinkConfigs}), so it is scheduled only there, and it declares token amounts of CPU ({@value
 * #CPU_CORES} cores, or less on a site with less per slot) and task heap ({@value #TASK_HEAP_MB}
 * MB), no off-heap and no managed memory, so that fine-grained resource management accepts it.
 * Slots, not CPU or memory, bound what a site takes. Jobs needing managed memory (the RocksDB state
 * backend) do not fit these groups.
 *
 * <pre>{@code
 * EdgeStreams es = EdgeStreams.on(env, registry, "city-a")
 *         .withPlacement(TopologyPlacement.load(Path.of("conf/topology-default.yaml")));
 * }</pre>
 */
@PublicEvolving
public final class TopologyPlacement implements PlacementStrategy {

    /** The most edges of a device hull when area rules are placed. */
    public static final int MAX_HULL_EDGES = 8;

    /** CPU a site's group asks for per slot, at most. */
    public static final double CPU_CORES = 0.1;

    /** Task heap a site's group asks for per slot. */
    public static final int TASK_HEAP_MB = 16;

    private static final String GROUP_PREFIX = "site-";

    private final Placer placer;
    private final Map<String, SlotSharingGroup> groups = new ConcurrentHashMap<>();

    /**
     * A strategy following {@code placer}.
     *
     * @param placer the planner, with the topology and its devices
     */
    public TopologyPlacement(Placer placer) {
        this.placer = Objects.requireNonNull(placer, "placer");
    }

    /** A strategy for a topology whose devices are its sites of tier {@code device}. */
    public static TopologyPlacement of(Topology topology) {
        return new TopologyPlacement(
                new Placer(topology, DeviceSites.ofTopology(topology), MAX_HULL_EDGES));
    }

    /**
     * A strategy for the topology in a YAML file.
     *
     * @throws dev.flinkedge.scheduler.topology.InvalidTopologyException when the file is missing or
     *     not a valid topology
     */
    public static TopologyPlacement load(Path topologyFile) {
        return of(TopologyLoader.load(topologyFile));
    }

    /** The planner this strategy follows. */
    public Placer placer() {
        return placer;
    }

    /**
     * The placement of a whole job: every node of its plan that becomes operators ({@link
     * EdgeStreamsGraph#builtNodes()}) with its site and the reason.
     *
     * @throws IllegalArgumentException when the job reads unknown devices or sites
     */
    public PlacementPlan plan(EdgeStreams job) {
        return placer.place(EdgeStreamsGraph.of(job, placer.devices()).builtNodes());
    }

    /**
     * Places the whole job with one run of the {@link Placer}: every node of its plan with its
     * branches, each RAW branch naming the devices read at its site.
     *
     * @throws IllegalArgumentException when the job reads unknown devices or sites
     */
    @Override
    public Map<EdgeStream<?>, List<Branch>> place(EdgeStreams job) {
        EdgeStreamsGraph graph = EdgeStreamsGraph.of(job, placer.devices());
        PlacementPlan plan = placer.place(graph.nodes());
        Map<EdgeStream<?>, List<Branch>> branches = new IdentityHashMap<>();
        for (EdgeStream<?> node : job.streams()) {
            PlanNode planNode = graph.nodeOf(node);
            branches.put(node, branches(planNode, plan.sitesOfNode(planNode.id())));
        }
        return branches;
    }

    /**
     * The branches of one node of a job, from a placement of the whole job.
     *
     * @throws IllegalArgumentException when {@code node} is not a node of {@code job}
     */
    public List<Branch> branches(EdgeStreams job, EdgeStream<?> node) {
        List<Branch> branches = place(job).get(node);
        if (branches == null) {
            throw new IllegalArgumentException(node + " is not a node of the job");
        }
        return branches;
    }

    private List<Branch> branches(PlanNode planNode, List<String> sites) {
        List<Branch> branches = new ArrayList<>();
        for (String site : sites) {
            List<String> devices = new ArrayList<>();
            for (String id : planNode.sourceDevices()) {
                Device device = placer.devices().device(id);
                if (placer.host(device.site()).id().equals(site)) {
                    devices.add(id);
                }
            }
            branches.add(new Branch(site, devices));
        }
        return branches;
    }

    @Override
    public SlotSharingGroup slotSharingGroup(String site) {
        return groups.computeIfAbsent(site, id -> group(placer.topology().site(id)));
    }

    private static SlotSharingGroup group(Site site) {
        if (!site.hostsTasks()) {
            throw new IllegalArgumentException(
                    "site '"
                            + site.id()
                            + "' hosts no tasks (a device"
                            + " or no slots); the planner places work only at sites with slots");
        }
        double cpu =
                site.cpu() > 0
                        ? Math.min(CPU_CORES, Math.floor(site.cpu() / site.slots() * 1000) / 1000)
                        : CPU_CORES;
        return SlotSharingGroup.newBuilder(GROUP_PREFIX + site.id())
                .setCpuCores(Math.max(cpu, 0.001))
                .setTaskHeapMemoryMB(TASK_HEAP_MB)
                .setTaskOffHeapMemoryMB(0)
                .setManagedMemoryMB(0)
                .setExternalResource(site.id(), 1)
                .build();
    }

    /**
     * Checks that each site has as many slots as the job's group there needs: the highest
     * parallelism among its operators (an operator without its own parallelism counts as 1, the
     * cluster's usual default). Other jobs' use of the site is not known here; the cluster then
     * refuses the job with {@code NoResourceAvailableException} rather than run it elsewhere.
     */
    @Override
    public void check(StreamGraph graph) {
        SortedMap<String, List<StreamNode>> bySite = new TreeMap<>();
        for (StreamNode node : graph.getStreamNodes()) {
            String group = node.getSlotSharingGroup();
            if (group != null
                    && group.startsWith(GROUP_PREFIX)
                    && groups.containsKey(group.substring(GROUP_PREFIX.length()))) {
                bySite.computeIfAbsent(
                                group.substring(GROUP_PREFIX.length()), s -> new ArrayList<>())
                        .add(node);
            }
        }
        List<String> overloaded = new ArrayList<>();
        bySite.forEach(
                (siteId, nodes) -> {
                    int needed =
                            nodes.stream()
                                    .mapToInt(n -> Math.max(1, n.getParallelism()))
                                    .max()
                                    .orElse(0);
                    Site site = placer.topology().site(siteId);
                    if (needed > site.slots()) {
                        overloaded.add(
                                siteId
                                        + " needs "
                                        + needed
                                        + " slots for "
                                        + nodes.stream()
                                                .filter(
                                                        n ->
                                                                Math.max(1, n.getParallelism())
                                                                        == needed)
                                                .map(StreamNode::getOperatorName)
                                                .sorted()
                                                .toList()
                                        + " but has "
                                        + site.slots());
                    }
                });
        if (!overloaded.isEmpty()) {
            throw new IllegalStateException(
                    "Job '"
                            + graph.getJobName()
                            + "' does not fit its"
                            + " sites: "
                            + String.join("; ", overloaded)
                            + ". Lower those operators'"
                            + " parallelism or give the sites more slots in the topology; work is never"
                            + " moved to another site");
        }
    }
}
