package dev.flinkedge.scheduler.placement;

import dev.flinkedge.scheduler.topology.Site;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides where every node of a job's plan runs; the one place placement is decided. A pure
 * function of the plan, the topology and its devices: nodes are visited inputs first, ties in id
 * order, and branch sites are kept sorted, so the same plan in any order gives the same result.
 *
 * <ul>
 *   <li>SOURCE: at the sites of its devices, one branch per site;
 *   <li>MAP: where its inputs are, one placement per input branch;
 *   <li>UNION: carries every branch of its inputs on;
 *   <li>KEYED: at the lowest common ancestor of all its inputs' sites;
 *   <li>AREA_RULE: at the site {@link AreaFinding} finds for its area among the hulls of the
 *       devices it reads (per stream: the devices of the sources upstream of it; all devices when
 *       one of those sources does not know its devices);
 *   <li>SINK: at its target site, else where its input is.
 * </ul>
 *
 * <p>Every site a rule picks is then moved to its {@linkplain #host host}: the site itself when it
 * hosts tasks, else the nearest site above it that does. Devices and sites without slots only
 * forward data, so their work runs where the data first reaches compute.
 *
 * <p>A node at one site is placed under its id; a node at several sites once per site, as {@code
 * id@site}.
 *
 * <pre>{@code
 * PlacementPlan plan = new Placer(topology, devices, 8).place(nodes);
 * }</pre>
 */
public final class Placer {

    private final Topology topology;
    private final DeviceSites devices;
    private final int maxEdges;

    /**
     * Device hulls by the device set they cover, kept across calls: a placer serves every job
     * submitted with its topology (and a job placed again after a late {@code sinkTo}), and the
     * hulls only depend on the devices.
     */
    private final Map<SortedSet<String>, AreaFinding> findings = new ConcurrentHashMap<>();

    /**
     * A planner for one topology.
     *
     * @param topology the tree to place on
     * @param devices the devices attached to {@code topology}, whose hulls place area rules
     * @param maxEdges the most edges a hull may have, at least {@value AreaFinding#MIN_EDGES}
     * @throws IllegalArgumentException when {@code devices} belong to another topology or {@code
     *     maxEdges} is too small
     */
    public Placer(Topology topology, DeviceSites devices, int maxEdges) {
        this.topology = Objects.requireNonNull(topology, "topology");
        this.devices = Objects.requireNonNull(devices, "devices");
        if (devices.topology() != topology) {
            throw new IllegalArgumentException(
                    "the devices are attached to another topology;"
                            + " build the DeviceSites on the planner's topology");
        }
        if (maxEdges < AreaFinding.MIN_EDGES) {
            throw new IllegalArgumentException(
                    "maxEdges is " + maxEdges + "; it must be at least " + AreaFinding.MIN_EDGES);
        }
        this.maxEdges = maxEdges;
    }

    /** The topology this planner places on. */
    public Topology topology() {
        return topology;
    }

    /** The devices whose hulls place area rules. */
    public DeviceSites devices() {
        return devices;
    }

    /**
     * Where work picked for {@code siteId} runs: the site itself when it hosts tasks ({@link
     * Site#hostsTasks()}), else the nearest site above it that does.
     *
     * @throws IllegalArgumentException when neither the site nor any site above it has slots
     */
    public Site host(String siteId) {
        Site site = topology.site(siteId);
        if (site.hostsTasks()) {
            return site;
        }
        for (Site above : topology.ancestors(siteId)) {
            if (above.hostsTasks()) {
                return above;
            }
        }
        throw new IllegalArgumentException(
                "no site from '"
                        + siteId
                        + "' up to the root hosts"
                        + " tasks (each is a device or has slots: 0), so work placed at '"
                        + siteId
                        + "' has nowhere to run; give an edge or cloud site on that path slots: 1 or"
                        + " more");
    }

    /**
     * Places a plan.
     *
     * @param nodes the plan's nodes, in any order
     * @return each node (branch) with its site and the reason
     * @throws IllegalArgumentException when ids repeat, an input, site or device is unknown, the
     *     nodes form a cycle, or a site has no host
     */
    public PlacementPlan place(Collection<PlanNode> nodes) {
        SortedMap<String, PlanNode> byId = index(nodes);
        Map<String, SortedSet<String>> sites = new HashMap<>();
        Map<String, SortedSet<String>> upstreamDevices = new HashMap<>();
        List<PlacementPlan.Entry> entries = new ArrayList<>();
        for (PlanNode node : inputsFirst(byId)) {
            upstreamDevices.put(node.id(), upstreamDevices(node, upstreamDevices));
            SortedSet<String> at = new TreeSet<>();
            for (Placed placed : place(node, sites, upstreamDevices)) {
                Placed hosted = hosted(placed);
                if (at.add(hosted.site())) {
                    entries.add(new PlacementPlan.Entry(node.id(), hosted.site(), hosted.reason()));
                }
            }
            sites.put(node.id(), at);
        }
        return new PlacementPlan(branchNames(entries, sites));
    }

    private record Placed(String site, String reason) {}

    private Placed hosted(Placed placed) {
        Site host = host(placed.site());
        return host.id().equals(placed.site())
                ? placed
                : new Placed(
                        host.id(),
                        placed.reason()
                                + "; "
                                + placed.site()
                                + " hosts no tasks, so at "
                                + host.id()
                                + ", the nearest site above it with slots");
    }

    /** The devices a node reads through its sources, or null when a source does not know them. */
    private static SortedSet<String> upstreamDevices(
            PlanNode node, Map<String, SortedSet<String>> upstream) {
        if (node.kind() == PlanNode.Kind.SOURCE) {
            return node.sourceDevices().isEmpty() ? null : new TreeSet<>(node.sourceDevices());
        }
        SortedSet<String> all = new TreeSet<>();
        for (String input : node.inputs()) {
            SortedSet<String> of = upstream.get(input);
            if (of == null) {
                return null;
            }
            all.addAll(of);
        }
        return all;
    }

    private List<Placed> place(
            PlanNode node,
            Map<String, SortedSet<String>> sites,
            Map<String, SortedSet<String>> upstreamDevices) {
        List<Placed> placed = new ArrayList<>();
        switch (node.kind()) {
            case SOURCE -> {
                SortedMap<String, SortedSet<String>> byHost = new TreeMap<>();
                for (String site : node.sourceSites()) {
                    byHost.computeIfAbsent(host(known(node, site)).id(), h -> new TreeSet<>())
                            .add(site);
                }
                byHost.forEach((host, at) -> placed.add(new Placed(host, sourceReason(host, at))));
            }
            case MAP, UNION -> {
                for (String site : inputSites(node, sites)) {
                    placed.add(
                            new Placed(
                                    site,
                                    node.kind().name().toLowerCase(Locale.ROOT)
                                            + ": runs where its input branch at "
                                            + site
                                            + " is"));
                }
            }
            case KEYED -> {
                SortedSet<String> inputs = inputSites(node, sites);
                String lca = topology.lowestCommonAncestor(inputs).id();
                placed.add(
                        new Placed(
                                lca,
                                "keyed: lowest common ancestor of its inputs' sites " + inputs));
            }
            case AREA_RULE -> {
                SortedSet<String> read = upstreamDevices.get(node.id());
                AreaFinding finding =
                        findings.computeIfAbsent(
                                new TreeSet<>(
                                        read == null
                                                ? devices.all().stream().map(Device::id).toList()
                                                : read),
                                ids -> AreaFinding.build(topology, devices.only(ids), maxEdges));
                placed.add(
                        new Placed(
                                finding.siteFor(node.area()).id(),
                                "area rule: deepest site whose hull of "
                                        + (read == null
                                                ? "all devices"
                                                : "the devices it reads " + read)
                                        + " covers "
                                        + node.areaWkt()
                                        + " (the root when none does)"));
            }
            case SINK -> {
                if (node.targetSite() != null) {
                    placed.add(new Placed(known(node, node.targetSite()), "sink: its target site"));
                } else {
                    for (String site : inputSites(node, sites)) {
                        placed.add(
                                new Placed(
                                        site,
                                        "sink: no target site, so where its input"
                                                + " branch at "
                                                + site
                                                + " is"));
                    }
                }
            }
        }
        return placed;
    }

    private static String sourceReason(String host, SortedSet<String> sites) {
        String reason = "source: its devices are attached to " + String.join(", ", sites);
        List<String> taskless = sites.stream().filter(site -> !site.equals(host)).toList();
        return taskless.isEmpty()
                ? reason
                : reason
                        + "; "
                        + String.join(", ", taskless)
                        + (taskless.size() == 1 ? " hosts" : " host")
                        + " no tasks, so at "
                        + host
                        + ", the nearest site above with slots";
    }

    private static SortedSet<String> inputSites(
            PlanNode node, Map<String, SortedSet<String>> sites) {
        SortedSet<String> at = new TreeSet<>();
        node.inputs().forEach(input -> at.addAll(sites.get(input)));
        return at;
    }

    private String known(PlanNode node, String site) {
        if (!topology.contains(site)) {
            throw new IllegalArgumentException(
                    "plan node '"
                            + node.id()
                            + "' names site '"
                            + site
                            + "', which is not in the topology; use one of: "
                            + String.join(
                                    ", ",
                                    topology.sites().stream().map(s -> s.id()).sorted().toList()));
        }
        return site;
    }

    private static List<PlacementPlan.Entry> branchNames(
            List<PlacementPlan.Entry> entries, Map<String, SortedSet<String>> sites) {
        List<PlacementPlan.Entry> named = new ArrayList<>();
        for (PlacementPlan.Entry entry : entries) {
            boolean branched = sites.get(entry.operator()).size() > 1;
            named.add(
                    branched
                            ? new PlacementPlan.Entry(
                                    entry.operator() + "@" + entry.site(),
                                    entry.site(),
                                    entry.reason())
                            : entry);
        }
        return named;
    }

    private static SortedMap<String, PlanNode> index(Collection<PlanNode> nodes) {
        SortedMap<String, PlanNode> byId = new TreeMap<>();
        for (PlanNode node : nodes) {
            if (byId.putIfAbsent(node.id(), node) != null) {
                throw new IllegalArgumentException(
                        "plan node id '"
                                + node.id()
                                + "' is used"
                                + " twice; give every node its own id");
            }
        }
        for (PlanNode node : byId.values()) {
            for (String input : node.inputs()) {
                if (!byId.containsKey(input)) {
                    throw new IllegalArgumentException(
                            "plan node '"
                                    + node.id()
                                    + "' reads '"
                                    + input
                                    + "', which is not a node of the plan; add it or fix the"
                                    + " input (nodes: "
                                    + String.join(", ", byId.keySet())
                                    + ")");
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
            distinct.forEach(
                    in -> readers.computeIfAbsent(in, k -> new ArrayList<>()).add(node.id()));
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
            throw new IllegalArgumentException(
                    "plan nodes "
                            + stuck
                            + " read each other in a"
                            + " cycle; a plan must be acyclic");
        }
        return order;
    }
}
