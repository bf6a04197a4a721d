package dev.flinkedge.scheduler.topology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that sites and links form one tree: unique ids, known parents, no cycles, exactly one
 * root, tiers that never rise below a parent, links between known sites. Throws at the first
 * problem, in that order.
 */
final class TopologyValidator {

    private TopologyValidator() {}

    /**
     * Validates and indexes the sites.
     *
     * @return the sites by id, in the order given
     * @throws InvalidTopologyException naming the first bad entry
     */
    static Map<String, Site> validate(List<Site> sites, List<Link> links) {
        if (sites.isEmpty()) {
            throw new InvalidTopologyException(
                    "the topology has no sites; add at least a root"
                            + " site (one without a parent)");
        }
        Map<String, Site> byId = indexUnique(sites);
        checkParentsKnown(byId);
        checkNoCycles(byId);
        checkSingleRoot(byId);
        checkTiers(byId);
        checkLinks(byId, links);
        return byId;
    }

    private static Map<String, Site> indexUnique(List<Site> sites) {
        Map<String, Site> byId = new LinkedHashMap<>();
        for (Site site : sites) {
            if (byId.putIfAbsent(site.id(), site) != null) {
                throw new InvalidTopologyException(
                        "site id '"
                                + site.id()
                                + "' is declared twice;"
                                + " give every site its own id");
            }
        }
        return byId;
    }

    private static void checkParentsKnown(Map<String, Site> byId) {
        for (Site site : byId.values()) {
            if (site.parent() != null && !byId.containsKey(site.parent())) {
                throw new InvalidTopologyException(
                        "site '"
                                + site.id()
                                + "' has parent '"
                                + site.parent()
                                + "', which is not a site; declare it or fix the parent"
                                + " (known sites: "
                                + String.join(", ", byId.keySet())
                                + ")");
            }
        }
    }

    private static void checkNoCycles(Map<String, Site> byId) {
        Set<String> acyclic = new HashSet<>();
        for (Site start : byId.values()) {
            Set<String> path = new LinkedHashSet<>();
            Site current = start;
            while (current != null && !acyclic.contains(current.id())) {
                if (!path.add(current.id())) {
                    List<String> cycle = cycleFrom(path, current.id());
                    throw new InvalidTopologyException(
                            "sites "
                                    + String.join(" -> ", cycle)
                                    + " form a cycle of parents; a topology is a tree, so one of them"
                                    + " needs another parent (or none, if it is the root)");
                }
                current = current.parent() == null ? null : byId.get(current.parent());
            }
            acyclic.addAll(path);
        }
    }

    private static List<String> cycleFrom(Set<String> path, String first) {
        List<String> cycle = new ArrayList<>();
        boolean inCycle = false;
        for (String id : path) {
            inCycle |= id.equals(first);
            if (inCycle) {
                cycle.add(id);
            }
        }
        cycle.add(first);
        return cycle;
    }

    private static void checkSingleRoot(Map<String, Site> byId) {
        List<String> roots = new ArrayList<>();
        for (Site site : byId.values()) {
            if (site.isRoot()) {
                roots.add(site.id());
            }
        }
        if (roots.size() > 1) {
            throw new InvalidTopologyException(
                    "the topology has "
                            + roots.size()
                            + " roots ("
                            + String.join(", ", roots)
                            + "), so its sites are disconnected; give all but"
                            + " one of them a parent");
        }
    }

    private static void checkTiers(Map<String, Site> byId) {
        for (Site site : byId.values()) {
            if (site.parent() != null) {
                Site parent = byId.get(site.parent());
                if (site.tier().isAbove(parent.tier())) {
                    throw new InvalidTopologyException(
                            "site '"
                                    + site.id()
                                    + "' is "
                                    + site.tier().yamlName()
                                    + " but its parent '"
                                    + parent.id()
                                    + "' is "
                                    + parent.tier().yamlName()
                                    + "; a parent's tier must be the same or"
                                    + " higher (device < edge < cloud)");
                }
            }
        }
    }

    private static void checkLinks(Map<String, Site> byId, List<Link> links) {
        List<Link> seen = new ArrayList<>();
        for (Link link : links) {
            for (String end : List.of(link.from(), link.to())) {
                if (!byId.containsKey(end)) {
                    throw new InvalidTopologyException(
                            "link "
                                    + link.from()
                                    + " -> "
                                    + link.to()
                                    + " names '"
                                    + end
                                    + "', which is not a site; declare the site or"
                                    + " fix the link");
                }
            }
            for (Link earlier : seen) {
                if (earlier.joins(link.from(), link.to())) {
                    throw new InvalidTopologyException(
                            "link "
                                    + link.from()
                                    + " -> "
                                    + link.to()
                                    + " is declared twice (links work both ways); keep one");
                }
            }
            seen.add(link);
        }
    }
}
