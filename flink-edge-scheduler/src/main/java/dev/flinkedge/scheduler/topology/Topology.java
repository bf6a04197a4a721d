package dev.flinkedge.scheduler.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The edge tree: sites (device, edge, cloud) joined by parent relations under one root, and the
 * network links between them. Immutable and validated at construction; load one with {@link
 * TopologyLoader}.
 *
 * <pre>{@code
 * Topology topology = TopologyLoader.load(Path.of("conf/topology-default.yaml"));
 * Site meet = topology.lowestCommonAncestor(List.of("edge-1", "edge-2"));   // cloud
 * }</pre>
 */
public final class Topology {

    private final Map<String, Site> sites;
    private final List<Link> links;
    private final Map<String, List<Site>> children;
    private final Site root;

    private Topology(Map<String, Site> sites, List<Link> links) {
        this.sites = Collections.unmodifiableMap(new LinkedHashMap<>(sites));
        this.links = List.copyOf(links);
        Map<String, List<Site>> childLists = new HashMap<>();
        Site rootSite = null;
        for (Site site : sites.values()) {
            childLists.put(site.id(), new ArrayList<>());
        }
        for (Site site : sites.values()) {
            if (site.isRoot()) {
                rootSite = site;
            } else {
                childLists.get(site.parent()).add(site);
            }
        }
        Map<String, List<Site>> frozen = new HashMap<>();
        childLists.forEach((id, list) -> frozen.put(id, List.copyOf(list)));
        this.children = Collections.unmodifiableMap(frozen);
        this.root = rootSite;
    }

    /**
     * Builds a topology.
     *
     * @param sites the sites, in the order they are listed
     * @param links the links between them
     * @return the validated topology
     * @throws InvalidTopologyException naming the first bad site or link
     */
    public static Topology of(List<Site> sites, List<Link> links) {
        return new Topology(TopologyValidator.validate(sites, links), links);
    }

    /** Every site, in the order they were listed. */
    public List<Site> sites() {
        return List.copyOf(sites.values());
    }

    /** Every link, in the order they were listed. */
    public List<Link> links() {
        return links;
    }

    /** The one site without a parent. */
    public Site root() {
        return root;
    }

    /** Whether a site of this id exists. */
    public boolean contains(String id) {
        return sites.containsKey(id);
    }

    /**
     * The site of this id.
     *
     * @throws IllegalArgumentException naming the known sites when there is none
     */
    public Site site(String id) {
        Site site = sites.get(id);
        if (site == null) {
            throw new IllegalArgumentException(
                    "no site '"
                            + id
                            + "' in the topology; known sites: "
                            + String.join(", ", sites.keySet()));
        }
        return site;
    }

    /** The parent of a site; empty for the root. */
    public Optional<Site> parent(String id) {
        Site site = site(id);
        return site.isRoot() ? Optional.empty() : Optional.of(sites.get(site.parent()));
    }

    /** The direct children of a site, in listing order. */
    public List<Site> children(String id) {
        site(id);
        return children.get(id);
    }

    /** The ancestors of a site, its parent first and the root last; empty for the root. */
    public List<Site> ancestors(String id) {
        List<Site> ancestors = new ArrayList<>();
        for (Site s = site(id); !s.isRoot(); s = sites.get(s.parent())) {
            ancestors.add(sites.get(s.parent()));
        }
        return ancestors;
    }

    /** The sites of one tier, in listing order. */
    public List<Site> sitesOfTier(Tier tier) {
        List<Site> result = new ArrayList<>();
        for (Site site : sites.values()) {
            if (site.tier() == tier) {
                result.add(site);
            }
        }
        return result;
    }

    /** The link joining two sites, in either direction, if one is declared. */
    public Optional<Link> link(String a, String b) {
        for (Link link : links) {
            if (link.joins(a, b)) {
                return Optional.of(link);
            }
        }
        return Optional.empty();
    }

    /**
     * The deepest site that is an ancestor of, or equal to, every given site: where the data of all
     * of them first meets on its way to the root.
     *
     * @param ids one or more site ids
     * @return the lowest common ancestor; the site itself for a single id
     * @throws IllegalArgumentException when {@code ids} is empty or names an unknown site
     */
    public Site lowestCommonAncestor(Collection<String> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException(
                    "the lowest common ancestor needs at least one site");
        }
        List<Site> candidates = null;
        for (String id : ids) {
            List<Site> path = pathToRoot(id);
            if (candidates == null) {
                candidates = path;
            } else {
                Set<String> onPath = new HashSet<>();
                path.forEach(s -> onPath.add(s.id()));
                candidates.removeIf(s -> !onPath.contains(s.id()));
            }
        }
        return candidates.get(0);
    }

    private List<Site> pathToRoot(String id) {
        List<Site> path = new ArrayList<>();
        path.add(site(id));
        path.addAll(ancestors(id));
        return path;
    }

    @Override
    public String toString() {
        return "Topology{root="
                + root.id()
                + ", sites="
                + sites.keySet()
                + ", links="
                + links.size()
                + "}";
    }
}
