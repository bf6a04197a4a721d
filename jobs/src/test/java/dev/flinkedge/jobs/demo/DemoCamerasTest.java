package dev.flinkedge.jobs.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.source.camera.CameraDevice;
import dev.flinkedge.connectors.source.camera.CameraSpec;
import dev.flinkedge.connectors.source.camera.DeviceCatalog;
import dev.flinkedge.scheduler.topology.Topology;
import dev.flinkedge.scheduler.topology.TopologyLoader;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class DemoCamerasTest {

    private static final Topology TOPOLOGY =
            TopologyLoader.parse(
                    """
            sites:
              - {id: cloud, tier: cloud, location: {lat: 48.1374, lon: 11.5755}, slots: 4, cpu: 4}
              - {id: edge-1, tier: edge, parent: cloud, location: {lat: 48.15, lon: 11.545},
                 slots: 2, cpu: 2}
              - {id: edge-2, tier: edge, parent: cloud, location: {lat: 48.12, lon: 11.60},
                 slots: 2, cpu: 2}
            """,
                    "test");

    @Test
    void writesALoadableCatalogWithCamerasAtTheEdgeSitesAndTheVideo(@TempDir Path dir)
            throws Exception {
        Path video = dir.resolve("vtest.avi");
        DemoCameras cameras = DemoCameras.around(TOPOLOGY, 3, 2.0, video);

        DeviceCatalog catalog = DeviceCatalog.load(cameras.write(dir.resolve("cameras.yaml")));

        assertThat(cameras.ids()).containsExactly("cam-1", "cam-2", "cam-3", "cam-video");
        assertThat(catalog.devices())
                .extracting(CameraDevice::id)
                .containsExactlyInAnyOrderElementsOf(cameras.ids());
        CameraDevice first = catalog.get("cam-1");
        assertThat(first.spec().kind()).isEqualTo(CameraSpec.Kind.SYNTHETIC);
        assertThat(first.spec().fps()).isEqualTo(2.0);
        assertThat(first.spec().width()).isEqualTo(DemoCameras.WIDTH);
        // Round robin over the edge sites: cam-1 by edge-1, cam-2 by edge-2, within ~1 km.
        assertThat(first.location().lat()).isCloseTo(48.15, Offset.offset(0.01));
        assertThat(catalog.get("cam-2").location().lon()).isCloseTo(11.60, Offset.offset(0.01));
        CameraDevice videoCamera = catalog.get("cam-video");
        assertThat(videoCamera.spec().kind()).isEqualTo(CameraSpec.Kind.VIDEO_FILE);
        assertThat(videoCamera.spec().uri()).isEqualTo(video.toAbsolutePath().toString());
        assertThat(videoCamera.spec().loop()).isTrue();
    }

    @Test
    void leavesTheVideoOutWhenThereIsNone(@TempDir Path dir) throws Exception {
        DemoCameras cameras = DemoCameras.around(TOPOLOGY, 1, 1.0, null);

        assertThat(cameras.ids()).containsExactly("cam-1");
        assertThat(DeviceCatalog.load(cameras.write(dir.resolve("c.yaml"))).devices()).hasSize(1);
    }
}
