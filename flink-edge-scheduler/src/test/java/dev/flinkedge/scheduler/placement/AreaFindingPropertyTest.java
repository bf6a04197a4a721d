package dev.flinkedge.scheduler.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.scheduler.topology.Site;
import dev.flinkedge.scheduler.topology.Tier;
import dev.flinkedge.scheduler.topology.Topology;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.ConvexHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Compares {@link AreaFinding} with a brute force that computes every site's exact hull from all
 * device locations in its subtree, on random trees, devices and query areas.
 */
class AreaFindingPropertyTest {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final int TRIALS = 200;
    private static final int QUERIES = 30;

    @Test
    void agreesWithBruteForceWhenNoHullIsSimplified() {
        Random random = new Random(42);
        int belowRoot = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Scenario s = Scenario.random(random);
            AreaFinding finding = AreaFinding.build(s.topology, s.devices, 10_000);
            for (Geometry area : s.queries(random)) {
                String brute = bruteForce(s, area);
                assertThat(finding.siteFor(area).id())
                        .as("trial %s, area %s", trial, area)
                        .isEqualTo(brute);
                belowRoot += s.depth(brute) > 0 ? 1 : 0;
            }
        }
        assertThat(belowRoot).as("queries placed below the root").isGreaterThan(TRIALS);
    }

    @Test
    void simplifiedRegionsCoverTheirSubtreesAndOnlyPlaceDeeper() {
        Random random = new Random(7);
        int moved = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Scenario s = Scenario.random(random);
            int maxEdges = 4 + random.nextInt(3);
            AreaFinding finding = AreaFinding.build(s.topology, s.devices, maxEdges);
            for (Site site : s.topology.sites()) {
                String where = "trial " + trial + ", site " + site.id();
                Optional<Geometry> region = finding.region(site.id());
                Optional<Geometry> exact = exactHull(s, site.id());
                assertThat(region.isPresent()).isEqualTo(exact.isPresent());
                region.ifPresent(
                        r -> {
                            assertThat(AreaFinding.edges(r)).isLessThanOrEqualTo(maxEdges);
                            assertThat(r.covers(exact.get())).as(where).isTrue();
                            s.topology
                                    .parent(site.id())
                                    .ifPresent(
                                            parent ->
                                                    assertThat(
                                                                    finding.region(parent.id())
                                                                            .orElseThrow()
                                                                            .covers(r))
                                                            .isTrue());
                        });
            }
            for (Geometry area : s.queries(random)) {
                String found = finding.siteFor(area).id();
                String brute = bruteForce(s, area);
                assertThat(s.depth(found))
                        .as("trial %s, area %s", trial, area)
                        .isGreaterThanOrEqualTo(s.depth(brute));
                moved += found.equals(brute) ? 0 : 1;
                boolean covered = finding.region(found).map(r -> r.covers(area)).orElse(false);
                assertThat(covered || found.equals(s.topology.root().id()))
                        .as(
                                "trial %s: %s was chosen but its region does not cover %s",
                                trial, found, area)
                        .isTrue();
            }
        }
        assertThat(moved).as("queries that simplification placed elsewhere").isPositive();
    }

    /** The deepest site whose exact subtree hull covers the area, smallest id first; else root. */
    private static String bruteForce(Scenario s, Geometry area) {
        String best = s.topology.root().id();
        int bestDepth = -1;
        for (Site site : s.topology.sites()) {
            Optional<Geometry> hull = exactHull(s, site.id());
            int depth = s.depth(site.id());
            if (hull.isPresent()
                    && hull.get().covers(area)
                    && (depth > bestDepth || depth == bestDepth && site.id().compareTo(best) < 0)) {
                best = site.id();
                bestDepth = depth;
            }
        }
        return best;
    }

    private static Optional<Geometry> exactHull(Scenario s, String siteId) {
        List<Coordinate> points = new ArrayList<>();
        for (Device device : s.devices.all()) {
            if (device.site().equals(siteId)
                    || s.topology.ancestors(device.site()).stream()
                            .anyMatch(a -> a.id().equals(siteId))) {
                points.add(coordinate(device));
            }
        }
        return points.isEmpty()
                ? Optional.empty()
                : Optional.of(
                        new ConvexHull(points.toArray(new Coordinate[0]), GEOMETRY)
                                .getConvexHull());
    }

    private static Coordinate coordinate(Device device) {
        return new Coordinate(device.location().lon(), device.location().lat());
    }

    /** A random tree of up to 15 sites with up to 40 devices in a small box. */
    private record Scenario(Topology topology, DeviceSites devices) {

        static Scenario random(Random random) {
            int n = 1 + random.nextInt(15);
            List<Site> sites = new ArrayList<>();
            GeoPoint here = new GeoPoint(48.1, 11.5);
            for (int i = 0; i < n; i++) {
                String parent = i == 0 ? null : "s" + random.nextInt(i);
                sites.add(new Site("s" + i, i == 0 ? Tier.CLOUD : Tier.EDGE, parent, here, 1, 1));
            }
            Topology topology = Topology.of(sites, List.of());
            List<Device> devices = new ArrayList<>();
            int count = random.nextInt(41);
            for (int i = 0; i < count; i++) {
                devices.add(
                        new Device(
                                "d" + i,
                                "s" + random.nextInt(n),
                                new GeoPoint(48 + random.nextDouble(), 11 + random.nextDouble())));
            }
            return new Scenario(topology, DeviceSites.of(topology, devices));
        }

        int depth(String siteId) {
            return topology.ancestors(siteId).size();
        }

        /**
         * Points, triangles of random points, and hulls of 1–4 devices under one site (which lie on
         * that site's hull boundary or inside it).
         */
        List<Geometry> queries(Random random) {
            List<Geometry> queries = new ArrayList<>();
            List<Device> all = devices.all();
            for (int q = 0; q < QUERIES; q++) {
                switch (q % 3) {
                    case 0 -> queries.add(GEOMETRY.createPoint(randomPoint(random)));
                    case 1 ->
                            queries.add(
                                    new ConvexHull(
                                                    new Coordinate[] {
                                                        randomPoint(random),
                                                        randomPoint(random),
                                                        randomPoint(random)
                                                    },
                                                    GEOMETRY)
                                            .getConvexHull());
                    default -> {
                        if (!all.isEmpty()) {
                            Device first = all.get(random.nextInt(all.size()));
                            List<Coordinate> points = new ArrayList<>();
                            for (Device d : all) {
                                if (d.site().equals(first.site())
                                                && points.size() < 4
                                                && random.nextBoolean()
                                        || d == first) {
                                    points.add(coordinate(d));
                                }
                            }
                            queries.add(
                                    new ConvexHull(points.toArray(new Coordinate[0]), GEOMETRY)
                                            .getConvexHull());
                        }
                    }
                }
            }
            return queries;
        }

        private static Coordinate randomPoint(Random random) {
            return new Coordinate(11 + random.nextDouble(), 48 + random.nextDouble());
        }
    }
}
