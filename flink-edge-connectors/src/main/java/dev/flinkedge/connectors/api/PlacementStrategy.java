package dev.flinkedge.connectors.api;

import java.util.List;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.operators.SlotSharingGroup;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * Where the Flink operators that {@link EdgeStreams} builds run. EdgeStreams asks it about every
 * plan node as it turns the node into operators, builds one copy of the node per site the
 * strategy names (a branch), and puts each branch's operators — sources, operators, taps and
 * sinks — into that site's slot sharing group. The strategy decides; EdgeStreams only follows.
 * The scheduler's {@code TopologyPlacement} implements it from an edge topology.
 *
 * <pre>{@code
 * EdgeStreams es = EdgeStreams.on(env, registry, "city-a")
 *         .withPlacement(TopologyPlacement.load(Path.of("conf/topology-default.yaml")));
 * }</pre>
 */
@PublicEvolving
public interface PlacementStrategy {

    /**
     * The branches of a node: one per site it runs at.
     *
     * @param job the plan {@code node} belongs to; the nodes it reads are already placed
     * @param node a node of {@code job} (a stream, a restructure or a sink)
     * @return at least one branch, sorted by site; for a RAW node each names the devices it reads
     */
    List<Branch> branches(EdgeStreams job, EdgeStream<?> node);

    /**
     * The slot sharing group of the operators at a site. It must declare its resources (CPU and
     * memory, so that fine-grained resource management accepts it) and ask for the site's
     * external resource, which only the site's TaskManagers offer.
     *
     * @param site a site some branch names
     * @return the group, the same for every call with this site
     */
    SlotSharingGroup slotSharingGroup(String site);

    /**
     * Checks a finished job before it is submitted, e.g. that every site can give it the slots its
     * operators need.
     *
     * @param graph the job's stream graph, every operator in the group of its site
     * @throws IllegalStateException saying what does not fit and how to fix it
     */
    void check(StreamGraph graph);

    /**
     * One copy of a node at one site.
     *
     * @param site the site the copy runs at
     * @param devices for a RAW node, the devices this copy reads (those at the site); else empty
     */
    record Branch(String site, List<String> devices) {

        /** Checks the site and copies the devices. */
        public Branch {
            Objects.requireNonNull(site, "site");
            if (site.isBlank()) {
                throw new IllegalArgumentException("a branch needs a site");
            }
            devices = devices == null ? List.of() : List.copyOf(devices);
        }

        /** A branch at {@code site} of a node that is not RAW. */
        public static Branch at(String site) {
            return new Branch(site, List.of());
        }
    }
}
