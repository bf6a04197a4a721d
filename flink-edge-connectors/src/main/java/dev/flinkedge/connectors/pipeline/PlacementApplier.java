package dev.flinkedge.connectors.pipeline;

import dev.flinkedge.connectors.api.EdgeStream;
import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.api.PlacementStrategy;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.operators.SlotSharingGroup;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.runtime.clusterframework.types.ResourceProfile;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a job's {@link PlacementStrategy} to its operators and checks the result: the branches
 * (sites) of each node, the slot sharing group of each operator, and before submission that every
 * operator has a site and the strategy accepts the graph. Without a strategy every node has one
 * branch and Flink places the operators.
 *
 * <p>The strategy places the job once, when the first node's branches are asked for, and again only
 * when a node added since is asked for: a node's branches never depend on later nodes.
 */
@Internal
final class PlacementApplier {

    /** The one branch of every node when no placement strategy is set. */
    private static final PlacementStrategy.Branch UNPLACED = PlacementStrategy.Branch.at("*");

    private final EdgeStreams job;

    /** Each node's branches, from the strategy's latest placement of the job. */
    private final Map<EdgeStream<?>, List<PlacementStrategy.Branch>> placed =
            new IdentityHashMap<>();

    PlacementApplier(EdgeStreams job) {
        this.job = job;
    }

    /** Whether the job has a placement strategy. */
    boolean active() {
        return job.placement() != null;
    }

    /**
     * The branches of {@code node}: one per site it runs at, sorted by site.
     *
     * @throws IllegalStateException when the strategy gives the node no site
     */
    List<PlacementStrategy.Branch> branchesOf(EdgeStream<?> node) {
        PlacementStrategy strategy = job.placement();
        if (strategy == null) {
            return List.of(UNPLACED);
        }
        if (!placed.containsKey(node)) {
            placed.putAll(strategy.place(job));
        }
        List<PlacementStrategy.Branch> branches = placed.getOrDefault(node, List.of());
        if (branches.isEmpty()) {
            throw new IllegalStateException(
                    "the placement strategy gave "
                            + node
                            + " no site; it"
                            + " must place every node at one site or more");
        }
        return branches;
    }

    /**
     * Puts the operators a source factory built into the site's group: everything upstream of
     * {@code stream} that no other node has placed. A branch copy's names and uids get {@code
     * @site}, so that the copies differ.
     */
    <T> DataStream<T> pinUpstream(DataStream<T> stream, String site, boolean branched) {
        if (!active()) {
            return stream;
        }
        SlotSharingGroup group = job.placement().slotSharingGroup(site);
        Deque<Transformation<?>> todo = new ArrayDeque<>(List.of(stream.getTransformation()));
        Set<Transformation<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Transformation<?> t = todo.pop();
            if (!seen.add(t) || t.getSlotSharingGroup().isPresent()) {
                continue;
            }
            t.setSlotSharingGroup(group);
            if (branched) {
                t.setName(t.getName() + "@" + site);
                if (t.getUid() != null) {
                    t.setUid(t.getUid() + "@" + site);
                }
            }
            todo.addAll(t.getInputs());
        }
        return stream;
    }

    /** Puts an operator into the group of {@code site}, when the job is placed. */
    void assign(SingleOutputStreamOperator<?> operator, String site) {
        if (active()) {
            operator.slotSharingGroup(job.placement().slotSharingGroup(site));
        }
    }

    /** Puts a sink into the group of {@code site}, when the job is placed. */
    void assign(DataStreamSink<?> sink, String site) {
        if (active()) {
            sink.slotSharingGroup(job.placement().slotSharingGroup(site));
        }
    }

    /**
     * With a placement strategy: every operator must be in a slot sharing group that declares its
     * resources (so none takes a default slot at whichever site has room), and the strategy must
     * accept the graph.
     */
    void check(StreamGraph graph) {
        if (!active()) {
            return;
        }
        List<String> unplaced = new ArrayList<>();
        for (StreamNode node : graph.getStreamNodes()) {
            // Flink lists the default group with an UNKNOWN profile: no resources declared.
            if (graph.getSlotSharingGroupResource(node.getSlotSharingGroup())
                    .filter(profile -> !profile.equals(ResourceProfile.UNKNOWN))
                    .isEmpty()) {
                unplaced.add(
                        "'"
                                + node.getOperatorName()
                                + "' (group '"
                                + node.getSlotSharingGroup()
                                + "')");
            }
        }
        if (!unplaced.isEmpty()) {
            // Sorted: Flink's node order follows its node ids, which any added operator shifts.
            unplaced.sort(null);
            throw new IllegalStateException(
                    "Operators "
                            + unplaced
                            + " of job '"
                            + graph.getJobName()
                            + "' have no site: they were added outside EdgeStreams"
                            + " and read from several sites, or sit in a group without resources. Build"
                            + " them through EdgeStreams (derive, sinkTo) or give them the group of a site"
                            + " with slotSharingGroup(..)");
        }
        job.placement().check(graph);
    }
}
