package dev.flinkedge.scheduler.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.scheduler.topology.Site;
import dev.flinkedge.scheduler.topology.Tier;
import dev.flinkedge.scheduler.topology.Topology;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

class PlacerTest {

    private static final GeoPoint HERE = new GeoPoint(48.1, 11.5);

    /** The default shape: cloud → edge-1, edge-2. */
    private static Placer defaultShape() {
        Topology topology =
                Topology.of(
                        List.of(
                                new Site("cloud", Tier.CLOUD, null, HERE, 4, 8),
                                new Site("edge-1", Tier.EDGE, "cloud", HERE, 2, 2),
                                new Site("edge-2", Tier.EDGE, "cloud", HERE, 2, 2)),
                        List.of());
        return new Placer(topology, DeviceSites.of(topology, List.of()), 8);
    }

    /** cloud → router → ap-1/ap-2, devices d1–d3 at ap-1 and d4–d6 at ap-2. */
    private static Placer deeperTree() {
        Topology topology = AreaFindingTest.tree();
        return new Placer(topology, AreaFindingTest.devices(topology), 8);
    }

    @Test
    void placesASourceAtEachSiteOfItsDevices() {
        PlacementPlan plan =
                defaultShape()
                        .place(
                                List.of(
                                        PlanNode.source(
                                                "frames", List.of("edge-2", "edge-1", "edge-2")),
                                        PlanNode.source("local", List.of("edge-1"))));

        assertThat(plan.placement())
                .containsExactly(
                        Map.entry("frames@edge-1", "edge-1"),
                        Map.entry("frames@edge-2", "edge-2"),
                        Map.entry("local", "edge-1"));
    }

    @Test
    void placesAMapOncePerInputBranch() {
        PlacementPlan plan =
                defaultShape()
                        .place(
                                List.of(
                                        PlanNode.source("frames", List.of("edge-1", "edge-2")),
                                        PlanNode.map("detect", "frames"),
                                        PlanNode.map("recognise", "detect")));

        assertThat(plan.placement())
                .containsEntry("detect@edge-1", "edge-1")
                .containsEntry("detect@edge-2", "edge-2")
                .containsEntry("recognise@edge-1", "edge-1")
                .containsEntry("recognise@edge-2", "edge-2");
    }

    @Test
    void placesAKeyedOperatorAtTheLowestCommonAncestorOfItsInputs() {
        PlacementPlan flat =
                defaultShape()
                        .place(
                                List.of(
                                        PlanNode.source("frames", List.of("edge-1", "edge-2")),
                                        PlanNode.map("detect", "frames"),
                                        PlanNode.keyed("count", List.of("detect"))));
        PlacementPlan deep =
                deeperTree()
                        .place(
                                List.of(
                                        PlanNode.source("a", List.of("ap-1")),
                                        PlanNode.source("b", List.of("ap-2")),
                                        PlanNode.keyed("join", List.of("a", "b")),
                                        PlanNode.keyed("perCamera", List.of("a"))));

        assertThat(flat.siteOf("count")).isEqualTo("cloud");
        assertThat(flat.reasons().get("count"))
                .contains("lowest common ancestor")
                .contains("[edge-1, edge-2]");
        assertThat(deep.siteOf("join")).isEqualTo("router");
        assertThat(deep.siteOf("perCamera")).isEqualTo("ap-1");
    }

    @Test
    void carriesEveryBranchThroughAUnion() {
        PlacementPlan plan =
                deeperTree()
                        .place(
                                List.of(
                                        PlanNode.source("a", List.of("ap-1")),
                                        PlanNode.source("b", List.of("ap-2")),
                                        PlanNode.union("both", List.of("a", "b")),
                                        PlanNode.map("detect", "both")));

        assertThat(plan.placement())
                .containsEntry("both@ap-1", "ap-1")
                .containsEntry("both@ap-2", "ap-2")
                .containsEntry("detect@ap-1", "ap-1")
                .containsEntry("detect@ap-2", "ap-2");
    }

    @Test
    void placesAnAreaRuleWhereAreaFindingPutsItsArea() {
        PlacementPlan plan =
                deeperTree()
                        .place(
                                List.of(
                                        PlanNode.source("frames", List.of("ap-1", "ap-2")),
                                        PlanNode.areaRule(
                                                "nearAp1",
                                                "POINT (11.50 48.10)",
                                                List.of("frames")),
                                        PlanNode.areaRule(
                                                "between",
                                                "LINESTRING (11.50 48.10, 11.60 48.10)",
                                                List.of("frames")),
                                        PlanNode.areaRule(
                                                "elsewhere", "POINT (0 0)", List.of("frames"))));

        assertThat(plan.siteOf("nearAp1")).isEqualTo("ap-1");
        assertThat(plan.siteOf("between")).isEqualTo("router");
        assertThat(plan.siteOf("elsewhere")).isEqualTo("cloud");
        assertThat(plan.reasons().get("nearAp1")).startsWith("area rule:");
    }

    @Test
    void placesAMapOverSeveralInputsAtEachOfTheirSites() {
        PlacementPlan plan =
                deeperTree()
                        .place(
                                List.of(
                                        PlanNode.source("a", List.of("ap-1")),
                                        PlanNode.source("b", List.of("ap-2")),
                                        PlanNode.map("detect", List.of("a", "b"))));

        assertThat(plan.placement())
                .containsEntry("detect@ap-1", "ap-1")
                .containsEntry("detect@ap-2", "ap-2");
        assertThat(plan.sitesOfNode("detect")).containsExactly("ap-1", "ap-2");
        assertThat(plan.sitesOfNode("a")).containsExactly("ap-1");
    }

    /**
     * Stream "east" reads d4–d6 at ap-2; d7 is attached to ap-1 but stands among them. With one
     * hull over all devices ap-1 covers d7's spot too and wins the tie; with the hulls of the
     * devices the rule reads, only ap-2 does.
     */
    @Test
    void placesAnAreaRuleByTheHullsOfTheDevicesItReads() {
        Topology topology = AreaFindingTest.tree();
        List<Device> devices = new ArrayList<>(AreaFindingTest.devices(topology).all());
        devices.add(new Device("d7", "ap-1", new GeoPoint(48.10, 11.60)));
        Placer placer = new Placer(topology, DeviceSites.of(topology, devices), 8);

        PlacementPlan plan =
                placer.place(
                        List.of(
                                PlanNode.source("east", List.of("ap-2"), List.of("d4", "d5", "d6")),
                                PlanNode.source("unknown", List.of("ap-2")),
                                PlanNode.areaRule(
                                        "eastCorner", "POINT (11.60 48.10)", List.of("east")),
                                PlanNode.areaRule(
                                        "anyCorner", "POINT (11.60 48.10)", List.of("unknown"))));

        assertThat(plan.siteOf("eastCorner")).isEqualTo("ap-2");
        assertThat(plan.reasons().get("eastCorner")).contains("[d4, d5, d6]");
        assertThat(plan.siteOf("anyCorner")).isEqualTo("ap-1");
        assertThat(plan.reasons().get("anyCorner")).contains("all devices");
    }

    /** cloud → router (no slots) → ap-1, ap-2; cameras are device sites below the APs. */
    @Test
    void runsTheWorkOfDevicesAndTasklessSitesAtTheNearestSiteAboveWithSlots() {
        Topology topology =
                Topology.of(
                        List.of(
                                new Site("cloud", Tier.CLOUD, null, HERE, 4, 8),
                                new Site("router", Tier.EDGE, "cloud", HERE, 0, 0),
                                new Site("ap-1", Tier.EDGE, "router", HERE, 2, 2),
                                new Site("ap-2", Tier.EDGE, "router", HERE, 2, 2),
                                new Site("cam-1", Tier.DEVICE, "ap-1", HERE, 0, 0),
                                new Site("cam-2", Tier.DEVICE, "ap-1", HERE, 0, 0),
                                new Site("cam-3", Tier.DEVICE, "ap-2", HERE, 0, 0)),
                        List.of());
        Placer placer = new Placer(topology, DeviceSites.ofTopology(topology), 8);

        PlacementPlan plan =
                placer.place(
                        List.of(
                                PlanNode.source(
                                        "frames",
                                        List.of("cam-1", "cam-2", "cam-3"),
                                        List.of("cam-1", "cam-2", "cam-3")),
                                PlanNode.map("detect", "frames"),
                                PlanNode.keyed("count", List.of("detect"))));

        assertThat(plan.placement())
                .containsExactly(
                        Map.entry("count", "cloud"),
                        Map.entry("detect@ap-1", "ap-1"),
                        Map.entry("detect@ap-2", "ap-2"),
                        Map.entry("frames@ap-1", "ap-1"),
                        Map.entry("frames@ap-2", "ap-2"));
        assertThat(plan.reasons().get("frames@ap-1"))
                .isEqualTo(
                        "source: its devices are"
                                + " attached to cam-1, cam-2; cam-1, cam-2 host no tasks, so at ap-1, the nearest"
                                + " site above with slots");
        assertThat(plan.reasons().get("count"))
                .isEqualTo(
                        "keyed: lowest common ancestor of its"
                                + " inputs' sites [ap-1, ap-2]; router hosts no tasks, so at cloud, the nearest"
                                + " site above it with slots");
        assertThat(placer.host("cam-3").id()).isEqualTo("ap-2");
    }

    @Test
    void rejectsWorkWithNoSiteWithSlotsAboveIt() {
        Topology topology =
                Topology.of(
                        List.of(
                                new Site("cloud", Tier.CLOUD, null, HERE, 0, 8),
                                new Site("cam-1", Tier.DEVICE, "cloud", HERE, 0, 0)),
                        List.of());
        Placer placer = new Placer(topology, DeviceSites.ofTopology(topology), 8);

        assertThatThrownBy(() -> placer.place(List.of(PlanNode.source("frames", List.of("cam-1")))))
                .hasMessageContaining("no site from 'cam-1' up to the root hosts tasks")
                .hasMessageContaining("slots: 1");
    }

    @Test
    void placesASinkAtItsTargetElseWhereItsInputIs() {
        PlacementPlan plan =
                deeperTree()
                        .place(
                                List.of(
                                        PlanNode.source("frames", List.of("ap-1", "ap-2")),
                                        PlanNode.keyed("count", List.of("frames")),
                                        PlanNode.sink("toCloud", "count", "cloud"),
                                        PlanNode.sink("local", "frames", null),
                                        PlanNode.sink("atCount", "count", null)));

        assertThat(plan.siteOf("toCloud")).isEqualTo("cloud");
        assertThat(plan.siteOf("local@ap-1")).isEqualTo("ap-1");
        assertThat(plan.siteOf("local@ap-2")).isEqualTo("ap-2");
        assertThat(plan.siteOf("atCount")).isEqualTo("router");
    }

    @Test
    void givesTheSamePlanForAnyInputOrder() {
        List<PlanNode> nodes =
                List.of(
                        PlanNode.source("frames", List.of("ap-2", "ap-1")),
                        PlanNode.source("areas", List.of("ap-1")),
                        PlanNode.map("detect", "frames"),
                        PlanNode.union("all", List.of("detect", "areas")),
                        PlanNode.keyed("count", List.of("detect", "areas")),
                        PlanNode.areaRule("group", "POINT (11.60 48.10)", List.of("all")),
                        PlanNode.sink("out", "count", null),
                        PlanNode.sink("alerts", "group", "cloud"));
        Placer placer = deeperTree();
        String expected = placer.place(nodes).toJson();
        Random random = new Random(1);
        for (int i = 0; i < 20; i++) {
            List<PlanNode> shuffled = new ArrayList<>(nodes);
            Collections.shuffle(shuffled, random);

            assertThat(placer.place(shuffled).toJson()).isEqualTo(expected);
        }
    }

    @Test
    void writesPlacementAndReasonsAsJson() {
        PlacementPlan plan =
                defaultShape()
                        .place(
                                List.of(
                                        PlanNode.source("frames", List.of("edge-1")),
                                        PlanNode.sink("out", "frames", "cloud")));

        assertThat(plan.toJson())
                .isEqualTo(
                        "{\"placement\":{\"frames\":\"edge-1\",\"out\":"
                                + "\"cloud\"},\"reasons\":{\"frames\":\"source: its devices are attached to"
                                + " edge-1\",\"out\":\"sink: its target site\"}}");
    }

    @Test
    void rejectsUnknownInputsSitesDuplicatesAndCycles() {
        Placer placer = defaultShape();

        assertThatThrownBy(() -> placer.place(List.of(PlanNode.map("detect", "frames"))))
                .hasMessageContaining("'detect' reads 'frames', which is not a node");
        assertThatThrownBy(() -> placer.place(List.of(PlanNode.source("s", List.of("edge-9")))))
                .hasMessageContaining("site 'edge-9'")
                .hasMessageContaining("edge-1");
        assertThatThrownBy(
                        () ->
                                placer.place(
                                        List.of(
                                                PlanNode.source("s", List.of("edge-1")),
                                                PlanNode.source("s", List.of("edge-2")))))
                .hasMessageContaining("'s' is used twice");
        assertThatThrownBy(
                        () -> placer.place(List.of(PlanNode.map("a", "b"), PlanNode.map("b", "a"))))
                .hasMessageContaining("[a, b]")
                .hasMessageContaining("cycle");
    }

    @Test
    void rejectsNodesMissingWhatTheirKindNeeds() {
        assertThatThrownBy(() -> PlanNode.source("s", List.of()))
                .hasMessageContaining("'s': a SOURCE needs the sites of its devices");
        assertThatThrownBy(() -> PlanNode.keyed("k", List.of()))
                .hasMessageContaining("'k': a KEYED needs at least one input");
        assertThatThrownBy(() -> PlanNode.areaRule("r", "POLYGON ((", List.of("s")))
                .hasMessageContaining("'r': area 'POLYGON ((' is not valid WKT");
        assertThatThrownBy(
                        () ->
                                new PlanNode(
                                        "o",
                                        PlanNode.Kind.SINK,
                                        List.of("a", "b"),
                                        List.of(),
                                        List.of(),
                                        null,
                                        null))
                .hasMessageContaining("a SINK reads exactly one input, not 2");
        assertThatThrownBy(
                        () ->
                                new PlanNode(
                                        "m",
                                        PlanNode.Kind.MAP,
                                        List.of("a"),
                                        List.of(),
                                        List.of("d1"),
                                        null,
                                        null))
                .hasMessageContaining("'m': only a SOURCE has devices");
    }
}
