package dev.flinkedge.scheduler.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.scheduler.topology.Location;
import dev.flinkedge.scheduler.topology.Site;
import dev.flinkedge.scheduler.topology.Tier;
import dev.flinkedge.scheduler.topology.Topology;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlacerTest {

    private static final Location HERE = new Location(48.1, 11.5);

    /** The default shape: cloud → edge-1, edge-2. */
    private static Placer defaultShape() {
        Topology topology = Topology.of(List.of(
                new Site("cloud", Tier.CLOUD, null, HERE, 4, 8),
                new Site("edge-1", Tier.EDGE, "cloud", HERE, 2, 2),
                new Site("edge-2", Tier.EDGE, "cloud", HERE, 2, 2)), List.of());
        return new Placer(topology, AreaFinding.build(topology,
                DeviceSites.of(topology, List.of()), 8));
    }

    /** cloud → router → ap-1/ap-2, devices d1–d3 at ap-1 and d4–d6 at ap-2. */
    private static Placer deeperTree() {
        Topology topology = AreaFindingTest.tree();
        return new Placer(topology,
                AreaFinding.build(topology, AreaFindingTest.devices(topology), 8));
    }

    @Test
    void placesASourceAtEachSiteOfItsDevices() {
        PlacementPlan plan = defaultShape().place(List.of(
                PlanNode.source("frames", List.of("edge-2", "edge-1", "edge-2")),
                PlanNode.source("local", List.of("edge-1"))));

        assertThat(plan.placement()).containsExactly(
                Map.entry("frames@edge-1", "edge-1"),
                Map.entry("frames@edge-2", "edge-2"),
                Map.entry("local", "edge-1"));
    }

    @Test
    void placesAMapOncePerInputBranch() {
        PlacementPlan plan = defaultShape().place(List.of(
                PlanNode.source("frames", List.of("edge-1", "edge-2")),
                PlanNode.map("detect", "frames"),
                PlanNode.map("recognise", "detect")));

        assertThat(plan.placement()).containsEntry("detect@edge-1", "edge-1")
                .containsEntry("detect@edge-2", "edge-2")
                .containsEntry("recognise@edge-1", "edge-1")
                .containsEntry("recognise@edge-2", "edge-2");
    }

    @Test
    void placesAKeyedOperatorAtTheLowestCommonAncestorOfItsInputs() {
        PlacementPlan flat = defaultShape().place(List.of(
                PlanNode.source("frames", List.of("edge-1", "edge-2")),
                PlanNode.map("detect", "frames"),
                PlanNode.keyed("count", List.of("detect"))));
        PlacementPlan deep = deeperTree().place(List.of(
                PlanNode.source("a", List.of("ap-1")),
                PlanNode.source("b", List.of("ap-2")),
                PlanNode.keyed("join", List.of("a", "b")),
                PlanNode.keyed("perCamera", List.of("a"))));

        assertThat(flat.siteOf("count")).isEqualTo("cloud");
        assertThat(flat.reasons().get("count")).contains("lowest common ancestor")
                .contains("[edge-1, edge-2]");
        assertThat(deep.siteOf("join")).isEqualTo("router");
        assertThat(deep.siteOf("perCamera")).isEqualTo("ap-1");
    }

    @Test
    void carriesEveryBranchThroughAUnion() {
        PlacementPlan plan = deeperTree().place(List.of(
                PlanNode.source("a", List.of("ap-1")),
                PlanNode.source("b", List.of("ap-2")),
                PlanNode.union("both", List.of("a", "b")),
                PlanNode.map("detect", "both")));

        assertThat(plan.placement()).containsEntry("both@ap-1", "ap-1")
                .containsEntry("both@ap-2", "ap-2")
                .containsEntry("detect@ap-1", "ap-1")
                .containsEntry("detect@ap-2", "ap-2");
    }

    @Test
    void placesAnAreaRuleWhereAreaFindingPutsItsArea() {
        PlacementPlan plan = deeperTree().place(List.of(
                PlanNode.source("frames", List.of("ap-1", "ap-2")),
                PlanNode.areaRule("nearAp1", "POINT (11.50 48.10)", List.of("frames")),
                PlanNode.areaRule("between", "LINESTRING (11.50 48.10, 11.60 48.10)",
                        List.of("frames")),
                PlanNode.areaRule("elsewhere", "POINT (0 0)", List.of("frames"))));

        assertThat(plan.siteOf("nearAp1")).isEqualTo("ap-1");
        assertThat(plan.siteOf("between")).isEqualTo("router");
        assertThat(plan.siteOf("elsewhere")).isEqualTo("cloud");
        assertThat(plan.reasons().get("nearAp1")).startsWith("area rule:");
    }

    @Test
    void placesASinkAtItsTargetElseWhereItsInputIs() {
        PlacementPlan plan = deeperTree().place(List.of(
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
        List<PlanNode> nodes = List.of(
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
        PlacementPlan plan = defaultShape().place(List.of(
                PlanNode.source("frames", List.of("edge-1")),
                PlanNode.sink("out", "frames", "cloud")));

        assertThat(plan.toJson()).isEqualTo("{\"placement\":{\"frames\":\"edge-1\",\"out\":"
                + "\"cloud\"},\"reasons\":{\"frames\":\"source: its devices are attached to"
                + " edge-1\",\"out\":\"sink: its target site\"}}");
    }

    @Test
    void rejectsUnknownInputsSitesDuplicatesAndCycles() {
        Placer placer = defaultShape();

        assertThatThrownBy(() -> placer.place(List.of(PlanNode.map("detect", "frames"))))
                .hasMessageContaining("'detect' reads 'frames', which is not a node");
        assertThatThrownBy(() -> placer.place(List.of(PlanNode.source("s", List.of("edge-9")))))
                .hasMessageContaining("site 'edge-9'").hasMessageContaining("edge-1");
        assertThatThrownBy(() -> placer.place(List.of(PlanNode.source("s", List.of("edge-1")),
                        PlanNode.source("s", List.of("edge-2")))))
                .hasMessageContaining("'s' is used twice");
        assertThatThrownBy(() -> placer.place(List.of(PlanNode.map("a", "b"),
                        PlanNode.map("b", "a"))))
                .hasMessageContaining("[a, b]").hasMessageContaining("cycle");
    }

    @Test
    void rejectsNodesMissingWhatTheirKindNeeds() {
        assertThatThrownBy(() -> PlanNode.source("s", List.of()))
                .hasMessageContaining("'s': a SOURCE needs the sites of its devices");
        assertThatThrownBy(() -> PlanNode.keyed("k", List.of()))
                .hasMessageContaining("'k': a KEYED needs at least one input");
        assertThatThrownBy(() -> PlanNode.areaRule("r", "POLYGON ((", List.of("s")))
                .hasMessageContaining("'r': area 'POLYGON ((' is not valid WKT");
        assertThatThrownBy(() -> new PlanNode("m", PlanNode.Kind.MAP, List.of("a", "b"),
                        List.of(), null, null))
                .hasMessageContaining("a MAP reads exactly one input, not 2");
    }
}
