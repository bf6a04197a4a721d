package dev.flinkedge.scheduler.placement;

import dev.flinkedge.scheduler.topology.Topology;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides where every node of a job's plan runs; the one place placement is decided. A pure
 * function of the plan, the topology and the area finder: nodes are visited inputs first, ties in
 * id order, and branch sites are kept sorted, so the same plan in any order gives the same result.
 *
 * <ul>
 *   <li>SOURCE: at the sites of its devices, one branch per site;
 *   <li>MAP: where its input is, one placement per input branch;
 *   <li>UNION: carries every branch of its inputs on;
 *   <li>KEYED: at the lowest common ancestor of all its inputs' sites;
 *   <li>AREA_RULE: at the site {@link AreaFinding} finds for its area;
 *   <li>SINK: at its target site, else where its input is.
 * </ul>
 *
 * <p>A node at one site is placed under its id; a node at several sites once per site, as {@code
 * id@site}.
 *
 * <pre>{@code
 * PlacementPlan plan = new Placer(topology, AreaFinding.build(topology, devices, 8)).place(nodes);
 * }</pre>
 */
public final class Placer {

    private final Topology topology;
    private final AreaFinding areaFinding;

    /**
     * A planner for one topology.
     *
     * @param topology the tree to place on
     * @param areaFinding the regions AREA_RULE nodes are placed by, built on {@code topology}
     */
    public Placer(Topology topology, AreaFinding areaFinding) {
        this.topology = Objects.requireNonNull(topology, "topology");
        this.areaFinding = Objects.requireNonNull(areaFinding, "areaFinding");
    }

    /**
     * Places a plan.
     *
     * @param nodes the plan's nodes, in any order
     * @return each node (branch) with its site and the reason
     * @throws IllegalArgumentException when ids repeat, an input or site is unknown, or the nodes
     *     form a cycle
     */
    public PlacementPlan place(Collection<PlanNode> nodes) {
        SortedMap<String, PlanNode> byId = index(nodes);
        Map<String, SortedSet<String>> sites = new HashMap<>();
        List<PlacementPlan.Entry> entries = new ArrayList<>();
        for (PlanNode node : inputsFirst(byId)) {
            SortedSet<String> at = new TreeSet<>();
            for (Placed placed : place(node, sites)) {
                at.add(placed.site());
                entries.add(new PlacementPlan.Entry(node.id(), placed.site(), placed.reason()));
            }
            sites.put(node.id(), at);
        }
        return new PlacementPlan(branchNames(entries, sites));
    }

    private record Placed(String site, String reason) {}

    private List<Placed> place(PlanNode node, Map<String, SortedSet<String>> sites) {
        List<Placed> placed = new ArrayList<>();
        switch (node.kind()) {
            case SOURCE -> {
                for (String site : new TreeSet<>(node.sourceSites())) {
                    placed.add(new Placed(known(node, site), "source: its devices are attached to "
                            + site));
                }
            }
            case MAP, UNION -> {
                for (String site : inputSites(node, sites)) {
                    placed.add(new Placed(site, node.kind().name().toLowerCase(Locale.ROOT)
                            + ": runs where its input branch at " + site + " is"));
                }
            }
            case KEYED -> {
                SortedSet<String> inputs = inputSites(node, sites);
                String lca = topology.lowestCommonAncestor(inputs).id();
                placed.add(new Placed(lca, "keyed: lowest common ancestor of its inputs' sites "
                        + inputs));
            }
            case AREA_RULE -> placed.add(new Placed(areaFinding.siteFor(node.area()).id(),
                    "area rule: deepest site whose device region covers " + node.areaWkt()
                            + " (the root when none does)"));
            case SINK -> {
                if (node.targetSite() != null) {
                    placed.add(new Placed(known(node, node.targetSite()),
                            "sink: its target site"));
                } else {
                    for (String site : inputSites(node, sites)) {
                        placed.add(new Placed(site, "sink: no target site, so where its input"
                                + " branch at " + site + " is"));
                    }
                }
            }
        }
        return placed;
    }

    private static SortedSet<String> inputSites(PlanNode node,
            Map<String, SortedSet<String>> sites) {
        SortedSet<String> at = new TreeSet<>();
        node.inputs().forEach(input -> at.addAll(sites.get(input)));
        return at;
    }

    private String known(PlanNode node, String site) {
        if (!topology.contains(site)) {
            throw new IllegalArgumentException("plan node '" + node.id() + "' names site '" + site
                    + "', which is not in the topology; use one of: " + String.join(", ",
                            topology.sites().stream().map(s -> s.id()).sorted().toList()));
        }
        return site;
    }

    private static List<PlacementPlan.Entry> branchNames(List<PlacementPlan.Entry> entries,
            Map<String, SortedSet<String>> sites) {
        List<PlacementPlan.Entry> named = new ArrayList<>();
        for (PlacementPlan.Entry entry : entries) {
            boolean branched = sites.get(entry.operator()).size() > 1;
            named.add(branched ? new PlacementPlan.Entry(entry.operator() + "@" + entry.site(),
                    entry.site(), entry.reason()) : entry);
        }
        return named;
    }

    private static SortedMap<String, PlanNode> index(Collection<PlanNode> nodes) {
        SortedMap<String, PlanNode> byId = new TreeMap<>();
        for (PlanNode node : nodes) {
            if (byId.putIfAbsent(node.id(), node) != null) {
                throw new IllegalArgumentException("plan node id '" + node.id() + "' is used"
                        + " twice; give every node its own id");
            }
        }
        for (PlanNode node : byId.values()) {
            for (String input : node.inputs()) {
                if (!byId.containsKey(input)) {
                    throw new IllegalArgumentException("plan node '" + node.id() + "' reads '"
                            + input + "', which is not a node of the plan; add it or fix the"
                            + " input (nodes: " + String.join(", ", byId.keySet()) + ")");
                }
            }
        }
        return byId;
    }

    /** Kahn's algorithm; among ready nodes the smallest id goes first. */
    private static List<PlanNode> inputsFirst(SortedMap<String, PlanNode> byId) {
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<String>> readers = new HashMap<>();
        SortedSet<String> ready = new TreeSet<>();
        for (PlanNode node : byId.values()) {
            List<String> distinct = node.inputs().stream().distinct().toList();
            waiting.put(node.id(), distinct.size());
            distinct.forEach(in -> readers.computeIfAbsent(in, k -> new ArrayList<>())
                    .add(node.id()));
            if (distinct.isEmpty()) {
                ready.add(node.id());
            }
        }
        List<PlanNode> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.first();
            ready.remove(id);
            order.add(byId.get(id));
            for (String reader : readers.getOrDefault(id, List.of())) {
                if (waiting.merge(reader, -1, Integer::sum) == 0) {
                    ready.add(reader);
                }
            }
        }
        if (order.size() < byId.size()) {
            List<String> stuck = byId.keySet().stream().filter(id -> waiting.get(id) > 0).toList();
            throw new IllegalArgumentException("plan nodes " + stuck + " read each other in a"
                    + " cycle; a plan must be acyclic");
        }
        return order;
    }
}
