package dev.flinkedge.scheduler.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.scheduler.topology.Topology;
import dev.flinkedge.scheduler.topology.TopologyLoader;

import org.junit.jupiter.api.Test;

import java.util.Map;

/** Cameras of a catalog join a topology at the nearest edge site. */
class DeviceSitesTest {

    private static final Topology TOPOLOGY =
            TopologyLoader.parse(
                    """
            sites:
              - {id: cloud, tier: cloud, location: {lat: 48.1374, lon: 11.5755}, slots: 4, cpu: 8}
              - {id: edge-1, tier: edge, parent: cloud, location: {lat: 48.1500, lon: 11.5450},
                 slots: 2, cpu: 2}
              - {id: edge-2, tier: edge, parent: cloud, location: {lat: 48.1200, lon: 11.6000},
                 slots: 2, cpu: 2}
              - {id: router, tier: edge, parent: cloud, location: {lat: 48.1375, lon: 11.5756},
                 slots: 0, cpu: 0}
              - {id: cam-9, tier: device, parent: edge-2, location: {lat: 48.1201, lon: 11.6001}}
            """,
                    "test");

    @Test
    void attachesEachCameraToTheNearestEdgeSiteThatHostsTasks() {
        DeviceSites devices =
                DeviceSites.nearest(
                        TOPOLOGY,
                        Map.of(
                                "cam-1", new GeoPoint(48.1520, 11.5470),
                                "cam-2", new GeoPoint(48.1220, 11.6020),
                                // 450 m from a router without slots and near the cloud, which hosts
                                // tasks but is the
                                // root: the nearest edge site with slots is edge-1 (2.2 km; edge-2
                                // 3.1 km).
                                "cam-3", new GeoPoint(48.1390, 11.5700)));

        assertThat(devices.device("cam-1").site()).isEqualTo("edge-1");
        assertThat(devices.device("cam-2").site()).isEqualTo("edge-2");
        assertThat(devices.device("cam-3").site()).isEqualTo("edge-1");
        assertThat(devices.device("cam-9").site())
                .as("a device site of the topology")
                .isEqualTo("cam-9");
        assertThat(devices.all()).hasSize(4);
    }

    @Test
    void aTopologyWithOnlyARootAttachesToTheRoot() {
        Topology cloudOnly =
                TopologyLoader.parse(
                        """
                sites:
                  - {id: cloud, tier: cloud, location: {lat: 48.1, lon: 11.5}, slots: 4, cpu: 8}
                """,
                        "test");
        assertThat(
                        DeviceSites.nearest(cloudOnly, Map.of("cam-1", new GeoPoint(48.2, 11.6)))
                                .device("cam-1")
                                .site())
                .isEqualTo("cloud");
    }
}
