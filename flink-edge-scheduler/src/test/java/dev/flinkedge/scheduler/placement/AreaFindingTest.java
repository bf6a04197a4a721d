package dev.flinkedge.scheduler.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.scheduler.topology.Site;
import dev.flinkedge.scheduler.topology.Tier;
import dev.flinkedge.scheduler.topology.Topology;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import java.util.ArrayList;
import java.util.List;

public class AreaFindingTest {

    private static final GeoPoint HERE = new GeoPoint(48.1, 11.5);

    /** cloud → router → {ap-1, ap-2}; three devices around each access point. */
    public static Topology tree() {
        return Topology.of(
                List.of(
                        new Site("cloud", Tier.CLOUD, null, HERE, 8, 16),
                        new Site("router", Tier.EDGE, "cloud", HERE, 4, 4),
                        new Site("ap-1", Tier.EDGE, "router", HERE, 2, 2),
                        new Site("ap-2", Tier.EDGE, "router", HERE, 2, 2)),
                List.of());
    }

    /** Triangles around lon 11.50 (ap-1) and lon 11.60 (ap-2), lat 48.10. */
    public static DeviceSites devices(Topology topology) {
        return DeviceSites.of(
                topology,
                List.of(
                        new Device("d1", "ap-1", new GeoPoint(48.09, 11.49)),
                        new Device("d2", "ap-1", new GeoPoint(48.09, 11.51)),
                        new Device("d3", "ap-1", new GeoPoint(48.11, 11.50)),
                        new Device("d4", "ap-2", new GeoPoint(48.09, 11.59)),
                        new Device("d5", "ap-2", new GeoPoint(48.09, 11.61)),
                        new Device("d6", "ap-2", new GeoPoint(48.11, 11.60))));
    }

    static Geometry wkt(String text) {
        try {
            return new WKTReader().read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @Test
    void placesAnAreaAtTheDeepestSiteWhoseHullCoversIt() {
        Topology topology = tree();
        AreaFinding finding = AreaFinding.build(topology, devices(topology), 8);

        assertThat(finding.siteFor(wkt("POINT (11.50 48.10)")).id()).isEqualTo("ap-1");
        assertThat(
                        finding.siteFor(
                                        wkt(
                                                "POLYGON ((11.595 48.095, 11.605 48.095, 11.60 48.10,"
                                                        + " 11.595 48.095))"))
                                .id())
                .isEqualTo("ap-2");
        assertThat(
                        finding.siteFor(
                                        wkt(
                                                "POLYGON ((11.50 48.095, 11.60 48.095, 11.55 48.10,"
                                                        + " 11.50 48.095))"))
                                .id())
                .isEqualTo("router");
    }

    @Test
    void fallsBackToTheRootWhenNoHullCoversTheArea() {
        Topology topology = tree();
        AreaFinding finding = AreaFinding.build(topology, devices(topology), 8);

        assertThat(finding.siteFor(wkt("POINT (0 0)")).id()).isEqualTo("cloud");
    }

    @Test
    void keepsNoRegionForASubtreeWithoutDevices() {
        Topology topology = tree();
        AreaFinding finding =
                AreaFinding.build(
                        topology,
                        DeviceSites.of(topology, devices(topology).all().subList(0, 3)),
                        8);

        assertThat(finding.region("ap-2")).isEmpty();
        assertThat(finding.region("router")).contains(finding.region("ap-1").orElseThrow());
    }

    @Test
    void replacesAHullWithMoreThanMaxEdgesByACoveringRectangle() {
        Topology topology = tree();
        List<Device> ring = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double angle = 2 * Math.PI * i / 12;
            ring.add(
                    new Device(
                            "r" + i,
                            "ap-1",
                            new GeoPoint(
                                    48.1 + 0.01 * Math.sin(angle), 11.5 + 0.01 * Math.cos(angle))));
        }
        AreaFinding finding = AreaFinding.build(topology, DeviceSites.of(topology, ring), 4);

        Geometry region = finding.region("ap-1").orElseThrow();
        assertThat(AreaFinding.edges(region)).isEqualTo(4);
        for (Device device : ring) {
            Coordinate at = new Coordinate(device.location().lon(), device.location().lat());
            assertThat(region.covers(region.getFactory().createPoint(at))).isTrue();
        }
    }

    @Test
    void rejectsFewerThanFourEdges() {
        Topology topology = tree();

        assertThatThrownBy(() -> AreaFinding.build(topology, devices(topology), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxEdges is 3")
                .hasMessageContaining("at least 4");
    }

    @Test
    void rejectsDevicesAtUnknownSites() {
        Topology topology = tree();

        assertThatThrownBy(() -> DeviceSites.of(topology, List.of(new Device("d1", "ap-9", HERE))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("site 'ap-9'")
                .hasMessageContaining("ap-1");
    }
}
