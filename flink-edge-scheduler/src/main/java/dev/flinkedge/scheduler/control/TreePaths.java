package dev.flinkedge.scheduler.control;

import dev.flinkedge.scheduler.topology.Site;
import dev.flinkedge.scheduler.topology.Topology;

import java.util.ArrayList;
import java.util.List;

/** The hops between two sites of the edge tree: up to their lowest common ancestor and down. */
final class TreePaths {

    private TreePaths() {}

    /**
     * The hops of the path between {@code a} and {@code b}, each a {@code (child, parent)} pair of
     * site ids, from {@code a} up then from {@code b} up; empty when {@code a} equals {@code b}.
     */
    static List<String[]> hops(Topology topology, String a, String b) {
        String meet = topology.lowestCommonAncestor(List.of(a, b)).id();
        List<String[]> hops = new ArrayList<>();
        addUp(topology, a, meet, hops);
        addUp(topology, b, meet, hops);
        return hops;
    }

    private static void addUp(Topology topology, String from, String ancestor, List<String[]> out) {
        String at = from;
        for (Site parent : topology.ancestors(from)) {
            if (at.equals(ancestor)) {
                return;
            }
            out.add(new String[] {at, parent.id()});
            at = parent.id();
        }
    }
}
