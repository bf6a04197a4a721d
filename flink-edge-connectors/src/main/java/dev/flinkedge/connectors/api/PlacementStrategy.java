package dev.flinkedge.connectors.api;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.operators.SlotSharingGroup;
import org.apache.flink.streaming.api.graph.StreamGraph;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the Flink operators that {@link EdgeStreams} builds run. EdgeStreams asks it to place the
 * job's plan when the first node becomes operators — and again only when nodes were added since —
 * builds one copy of each node per site the strategy names (a branch), and puts each branch's
 * operators — sources, operators, taps and sinks — into that site's slot sharing group. The
 * strategy decides; EdgeStreams only follows. The scheduler's {@code TopologyPlacement} implements
 * it from an edge topology.
 *
 * <pre>{@code
 * EdgeStreams es = EdgeStreams.on(env, registry, "city-a")
 *         .withPlacement(TopologyPlacement.load(Path.of("conf/topology-default.yaml")));
 * }</pre>
 */
@PublicEvolving
public interface PlacementStrategy {

    /**
     * Places every node of a job at once. A node's branches may depend on the nodes it reads, never
     * on nodes added after it: EdgeStreams keeps the branches of the nodes placed and asks again
     * only for a job that has grown since.
     *
     * @param job the plan to place (its {@link EdgeStreams#streams() streams})
     * @return the branches of every node of {@code job} (streams, restructures and sinks): at least
     *     one per node, one per site it runs at, sorted by site; for a RAW node each names the
     *     devices it reads
     */
    Map<EdgeStream<?>, List<Branch>> place(EdgeStreams job);

    /**
     * The slot sharing group of the operators at a site. It must declare its resources (CPU and
     * memory, so that fine-grained resource management accepts it) and ask for the site's external
     * resource, which only the site's TaskManagers offer.
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
