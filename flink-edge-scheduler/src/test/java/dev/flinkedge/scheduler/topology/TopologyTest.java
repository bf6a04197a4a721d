package dev.flinkedge.scheduler.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.model.GeoPoint;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

class TopologyTest {

    private static final GeoPoint HERE = new GeoPoint(48.1, 11.5);

    /** cloud → router-1 → {ap-1 → cam-1, ap-2}, cloud → router-2 → ap-3 → {cam-2, cam-3}. */
    private static Topology paperTree() {
        List<Site> sites =
                List.of(
                        new Site("cloud", Tier.CLOUD, null, HERE, 8, 16),
                        new Site("router-1", Tier.EDGE, "cloud", HERE, 4, 4),
                        new Site("router-2", Tier.EDGE, "cloud", HERE, 4, 4),
                        new Site("ap-1", Tier.EDGE, "router-1", HERE, 2, 2),
                        new Site("ap-2", Tier.EDGE, "router-1", HERE, 2, 2),
                        new Site("ap-3", Tier.EDGE, "router-2", HERE, 2, 2),
                        new Site("cam-1", Tier.DEVICE, "ap-1", HERE, 0, 0),
                        new Site("cam-2", Tier.DEVICE, "ap-3", HERE, 0, 0),
                        new Site("cam-3", Tier.DEVICE, "ap-3", HERE, 0, 0));
        return Topology.of(sites, List.of(new Link("cloud", "router-1", 5, 1000)));
    }

    @Test
    void navigatesTheTree() {
        Topology t = paperTree();

        assertThat(t.root().id()).isEqualTo("cloud");
        assertThat(t.parent("ap-1")).map(Site::id).contains("router-1");
        assertThat(t.parent("cloud")).isEmpty();
        assertThat(t.children("router-1")).extracting(Site::id).containsExactly("ap-1", "ap-2");
        assertThat(t.children("cam-1")).isEmpty();
        assertThat(t.ancestors("cam-2"))
                .extracting(Site::id)
                .containsExactly("ap-3", "router-2", "cloud");
        assertThat(t.ancestors("cloud")).isEmpty();
        assertThat(t.sitesOfTier(Tier.DEVICE))
                .extracting(Site::id)
                .containsExactly("cam-1", "cam-2", "cam-3");
        assertThat(t.sitesOfTier(Tier.CLOUD)).extracting(Site::id).containsExactly("cloud");
    }

    @Test
    void findsTheLowestCommonAncestor() {
        Topology t = paperTree();

        assertThat(t.lowestCommonAncestor(List.of("cam-2", "cam-3")).id()).isEqualTo("ap-3");
        assertThat(t.lowestCommonAncestor(List.of("cam-1", "ap-2")).id()).isEqualTo("router-1");
        assertThat(t.lowestCommonAncestor(List.of("cam-1", "cam-2")).id()).isEqualTo("cloud");
        assertThat(t.lowestCommonAncestor(List.of("cam-1", "ap-1")).id()).isEqualTo("ap-1");
        assertThat(t.lowestCommonAncestor(List.of("cam-3")).id()).isEqualTo("cam-3");
        assertThat(t.lowestCommonAncestor(List.of("cam-1", "cam-1", "cloud")).id())
                .isEqualTo("cloud");
    }

    @Test
    void rejectsUnknownOrNoSites() {
        Topology t = paperTree();

        assertThatThrownBy(() -> t.lowestCommonAncestor(List.of()))
                .hasMessageContaining("at least");
        assertThatThrownBy(() -> t.lowestCommonAncestor(List.of("cam-1", "cam-9")))
                .hasMessageContaining("no site 'cam-9' in the topology");
        assertThatThrownBy(() -> t.children("x")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Property: on random trees, the LCA equals the deepest site that covers every input. */
    @Test
    void lowestCommonAncestorMatchesBruteForceOnRandomTrees() {
        Random random = new Random(20261122L);
        for (int tree = 0; tree < 200; tree++) {
            int size = 1 + random.nextInt(40);
            List<Site> sites = randomTree(random, size);
            Topology t = Topology.of(sites, List.of());
            for (int query = 0; query < 20; query++) {
                int count = 1 + random.nextInt(Math.min(size, 5));
                Set<String> ids = new TreeSet<>();
                for (int i = 0; i < count; i++) {
                    ids.add("s" + random.nextInt(size));
                }
                assertThat(t.lowestCommonAncestor(ids).id())
                        .as("tree %d, sites %s", tree, ids)
                        .isEqualTo(bruteForceLca(t, ids));
            }
        }
    }

    /** Site i's parent is a random earlier site; listing order is shuffled. */
    private static List<Site> randomTree(Random random, int size) {
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String parent = i == 0 ? null : "s" + random.nextInt(i);
            sites.add(new Site("s" + i, Tier.EDGE, parent, HERE, 1, 1));
        }
        Collections.shuffle(sites, random);
        return sites;
    }

    private static String bruteForceLca(Topology t, Set<String> ids) {
        String best = null;
        int bestDepth = -1;
        for (Site candidate : t.sites()) {
            boolean coversAll = true;
            for (String id : ids) {
                boolean covers =
                        id.equals(candidate.id())
                                || t.ancestors(id).stream()
                                        .anyMatch(a -> a.id().equals(candidate.id()));
                coversAll &= covers;
            }
            int depth = t.ancestors(candidate.id()).size();
            if (coversAll && depth > bestDepth) {
                best = candidate.id();
                bestDepth = depth;
            }
        }
        return best;
    }
}
