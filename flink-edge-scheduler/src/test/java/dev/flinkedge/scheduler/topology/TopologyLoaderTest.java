package dev.flinkedge.scheduler.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

class TopologyLoaderTest {

    private static final String CLOUD =
            "  - {id: cloud, tier: cloud, location: {lat: 48.1, lon: 11.5}, slots: 4, cpu: 8}\n";

    private static Topology parse(String yaml) {
        return TopologyLoader.parse(yaml, "t.yaml");
    }

    private static String edge(String id, String parent) {
        return "  - {id: "
                + id
                + ", tier: edge, parent: "
                + parent
                + ", location: {lat: 48.2, lon: 11.6}, slots: 2, cpu: 2}\n";
    }

    @Test
    void loadsTheDefaultTopology() {
        Topology topology = TopologyLoader.load(Path.of("..", "conf", "topology-default.yaml"));

        assertThat(topology.root().id()).isEqualTo("cloud");
        assertThat(topology.root().slots()).isEqualTo(4);
        assertThat(topology.sitesOfTier(Tier.EDGE))
                .extracting(Site::id)
                .containsExactly("edge-1", "edge-2");
        assertThat(topology.sitesOfTier(Tier.EDGE)).extracting(Site::slots).containsOnly(2);
        assertThat(topology.link("edge-1", "cloud")).isPresent();
        assertThat(topology.link("cloud", "edge-2").orElseThrow().bandwidthMbps()).isPositive();
    }

    @Test
    void devicesMayLeaveOutSlotsAndCpu() {
        Topology topology =
                parse(
                        "sites:\n"
                                + CLOUD
                                + edge("ap-1", "cloud")
                                + "  - {id: cam-1, tier: device, parent: ap-1, location: {lat: 48.2, lon: 11.6}}\n");

        assertThat(topology.site("cam-1").slots()).isZero();
        assertThat(topology.ancestors("cam-1"))
                .extracting(Site::id)
                .containsExactly("ap-1", "cloud");
    }

    @Test
    void rejectsUnknownParent() {
        assertThatThrownBy(() -> parse("sites:\n" + CLOUD + edge("edge-1", "clod")))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessageContaining("t.yaml")
                .hasMessageContaining("site 'edge-1' has parent 'clod', which is not a site")
                .hasMessageContaining("known sites: cloud, edge-1");
    }

    @Test
    void rejectsCycles() {
        assertThatThrownBy(
                        () ->
                                parse(
                                        "sites:\n"
                                                + CLOUD
                                                + edge("a", "b")
                                                + edge("b", "c")
                                                + edge("c", "a")))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessageContaining("sites a -> b -> c -> a form a cycle of parents");
    }

    @Test
    void rejectsASiteThatIsItsOwnParent() {
        assertThatThrownBy(() -> parse("sites:\n" + CLOUD + edge("a", "a")))
                .hasMessageContaining("sites a -> a form a cycle");
    }

    @Test
    void rejectsDuplicateIds() {
        assertThatThrownBy(
                        () ->
                                parse(
                                        "sites:\n"
                                                + CLOUD
                                                + edge("edge-1", "cloud")
                                                + edge("edge-1", "cloud")))
                .hasMessageContaining("site id 'edge-1' is declared twice");
    }

    @Test
    void rejectsMoreThanOneRootAsDisconnected() {
        String secondCloud = CLOUD.replace("id: cloud", "id: cloud-2");
        assertThatThrownBy(() -> parse("sites:\n" + CLOUD + secondCloud))
                .hasMessageContaining("2 roots (cloud, cloud-2)")
                .hasMessageContaining("disconnected")
                .hasMessageContaining("give all but one of them a parent");
    }

    @Test
    void rejectsMissingFields() {
        assertThatThrownBy(
                        () ->
                                parse(
                                        "sites:\n"
                                                + "  - {id: cloud, location: {lat: 48.1, lon: 11.5}, slots: 4, cpu: 8}\n"))
                .hasMessageContaining("sites[0] (cloud): missing field 'tier'");
        assertThatThrownBy(() -> parse("sites:\n  - {id: cloud, tier: cloud, slots: 4, cpu: 8}\n"))
                .hasMessageContaining("sites[0] (cloud): missing field 'location'");
        assertThatThrownBy(
                        () ->
                                parse(
                                        "sites:\n"
                                                + "  - {id: cloud, tier: cloud, location: {lat: 48.1}, slots: 4, cpu: 8}\n"))
                .hasMessageContaining("sites[0] (cloud).location: missing field 'lon'");
        assertThatThrownBy(
                        () ->
                                parse(
                                        "sites:\n"
                                                + "  - {id: cloud, tier: cloud, location: {lat: 48.1, lon: 11.5}, cpu: 8}\n"))
                .hasMessageContaining("sites[0] (cloud): missing field 'slots'");
        assertThatThrownBy(() -> parse("sites:\n  - {tier: cloud}\n"))
                .hasMessageContaining("sites[0]: missing field 'id'");
        assertThatThrownBy(() -> parse("links: []\n"))
                .hasMessageContaining("missing 'sites:' list");
        assertThatThrownBy(
                        () ->
                                parse(
                                        "sites:\n"
                                                + CLOUD
                                                + edge("edge-1", "cloud")
                                                + "links:\n  - {from: cloud, to: edge-1, latencyMs: 3}\n"))
                .hasMessageContaining("links[0]: missing field 'bandwidthMbps'");
    }

    @Test
    void rejectsNegativeNumbers() {
        assertThatThrownBy(() -> parse("sites:\n" + CLOUD.replace("slots: 4", "slots: -1")))
                .hasMessageContaining(
                        "sites[0] (cloud): site 'cloud': slots is -1; it must be 0" + " or more");
        assertThatThrownBy(() -> parse("sites:\n" + CLOUD.replace("cpu: 8", "cpu: -0.5")))
                .hasMessageContaining("cpu is -0.5");
        assertThatThrownBy(
                        () ->
                                parse(
                                        "sites:\n"
                                                + CLOUD
                                                + edge("edge-1", "cloud")
                                                + "links:\n  - {from: cloud, to: edge-1, latencyMs: -3, bandwidthMbps: 10}\n"))
                .hasMessageContaining("links[0]: link cloud -> edge-1: latencyMs is -3.0");
        assertThatThrownBy(
                        () ->
                                parse(
                                        "sites:\n"
                                                + CLOUD
                                                + edge("edge-1", "cloud")
                                                + "links:\n  - {from: cloud, to: edge-1, latencyMs: 3, bandwidthMbps: 0}\n"))
                .hasMessageContaining("bandwidthMbps is 0.0; it must be a finite number above 0");
        assertThatThrownBy(() -> parse("sites:\n" + CLOUD.replace("lat: 48.1", "lat: -91")))
                .hasMessageContaining("lat -91.0 is outside [-90, 90]");
    }

    @Test
    void rejectsLinksBetweenUnknownSites() {
        assertThatThrownBy(
                        () ->
                                parse(
                                        "sites:\n"
                                                + CLOUD
                                                + edge("edge-1", "cloud")
                                                + "links:\n  - {from: cloud, to: edge-9, latencyMs: 3, bandwidthMbps: 10}\n"))
                .hasMessageContaining("link cloud -> edge-9 names 'edge-9', which is not a site");
    }

    @Test
    void rejectsDuplicateAndSelfLinks() {
        String sites = "sites:\n" + CLOUD + edge("edge-1", "cloud");
        assertThatThrownBy(
                        () ->
                                parse(
                                        sites
                                                + "links:\n"
                                                + "  - {from: cloud, to: edge-1, latencyMs: 3, bandwidthMbps: 10}\n"
                                                + "  - {from: edge-1, to: cloud, latencyMs: 4, bandwidthMbps: 10}\n"))
                .hasMessageContaining("link edge-1 -> cloud is declared twice");
        assertThatThrownBy(
                        () ->
                                parse(
                                        sites
                                                + "links:\n"
                                                + "  - {from: cloud, to: cloud, latencyMs: 3, bandwidthMbps: 10}\n"))
                .hasMessageContaining("joins a site to itself");
    }

    @Test
    void rejectsUnknownFieldsTiersAndTypes() {
        assertThatThrownBy(() -> parse("sites:\n" + CLOUD.replace("cpu: 8", "cpus: 8")))
                .hasMessageContaining("sites[0] (cloud): unknown field 'cpus'; known fields: cpu,");
        assertThatThrownBy(() -> parse("sites:\n" + CLOUD.replace("tier: cloud", "tier: fog")))
                .hasMessageContaining("unknown tier 'fog'; use one of device, edge, cloud");
        assertThatThrownBy(() -> parse("sites:\n" + CLOUD.replace("slots: 4", "slots: four")))
                .hasMessageContaining("'slots' must be a whole number, not 'four'");
        assertThatThrownBy(() -> parse("sites: [\n"))
                .hasMessageContaining("t.yaml: not valid YAML");
    }

    @Test
    void rejectsACloudBelowAnEdgeSite() {
        assertThatThrownBy(
                        () ->
                                parse(
                                        "sites:\n"
                                                + "  - {id: ap, tier: edge, location: {lat: 1, lon: 1}, slots: 1, cpu: 1}\n"
                                                + CLOUD.replace(
                                                        "tier: cloud,",
                                                        "tier: cloud, parent: ap,")))
                .hasMessageContaining("site 'cloud' is cloud but its parent 'ap' is edge");
    }

    @Test
    void rejectsBadIdsAndEmptyTopologies() {
        assertThatThrownBy(() -> parse("sites:\n" + CLOUD.replace("id: cloud", "id: 'a.b'")))
                .hasMessageContaining("site id 'a.b' is not valid");
        assertThatThrownBy(() -> parse("sites: []\n"))
                .hasMessageContaining("the topology has no sites");
        assertThatThrownBy(() -> TopologyLoader.load(Path.of("no-such.yaml")))
                .hasMessageContaining("no-such.yaml does not exist");
    }

    @Test
    void keepsListingOrder() {
        Topology topology = parse("sites:\n" + CLOUD + edge("b", "cloud") + edge("a", "cloud"));

        assertThat(topology.sites()).extracting(Site::id).containsExactly("cloud", "b", "a");
        assertThat(topology.children("cloud")).extracting(Site::id).containsExactly("b", "a");
        assertThat(topology.links()).isEqualTo(List.of());
    }
}
