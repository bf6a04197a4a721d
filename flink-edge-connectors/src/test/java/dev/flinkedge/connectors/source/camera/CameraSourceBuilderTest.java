package dev.flinkedge.connectors.source.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.policy.PolicyProviderFactory;
import dev.flinkedge.registry.model.SourceSpec;

import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Checks of {@link CameraSourceBuilder#build()}. */
class CameraSourceBuilderTest {

    private static final CameraDevice CAM =
            new CameraDevice(
                    "cam-1", new GeoPoint(51.5, -0.1), CameraSpec.synthetic(1, 10, 640, 360));
    private static final DeviceCatalog CATALOG = DeviceCatalog.of(List.of(CAM));

    @Test
    void buildsBoundedAndUnboundedSourcesThatSerialize() throws Exception {
        CameraSource unbounded = CameraSource.builder().setCameras(List.of(CAM)).build();
        CameraSource bounded =
                CameraSource.builder()
                        .setCatalog(CATALOG)
                        .setSourceSpec(SourceSpec.devices(List.of("cam-1")))
                        .setMaxFramesPerCamera(5)
                        .setPolicyBootstrapServers("localhost:9092")
                        .build();

        assertThat(unbounded.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        assertThat(bounded.getBoundedness()).isEqualTo(Boundedness.BOUNDED);
        assertThat(bounded.getConfiguration().get(CameraSourceOptions.POLICY_TOPIC))
                .isEqualTo("_flinkedge_policies");
        assertThat(InstantiationUtil.clone(bounded).getSelector().select()).containsExactly(CAM);
    }

    @Test
    void requiresCamerasAndOneWayToChooseThem() {
        assertThatThrownBy(() -> CameraSource.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Property cameras is required");
        assertThatThrownBy(
                        () ->
                                CameraSource.builder()
                                        .setCameras(List.of(CAM))
                                        .setCatalog(CATALOG)
                                        .build())
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> CameraSource.builder().setCatalog(CATALOG).build())
                .hasMessageContaining("exactly one of setDevices");
        assertThatThrownBy(
                        () ->
                                CameraSource.builder()
                                        .setCatalog(Path.of("c.yaml"))
                                        .setDevices(List.of("a"))
                                        .setAreas(List.of("POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))"))
                                        .build())
                .hasMessageContaining("exactly one of setDevices");
    }

    @Test
    void rejectsBadOptionsNamingThem() {
        assertThatThrownBy(
                        () ->
                                CameraSource.builder()
                                        .setCameras(List.of(CAM))
                                        .setJpegQuality(1.5f)
                                        .build())
                .hasMessageContaining("camera.jpeg-quality");
        assertThatThrownBy(
                        () ->
                                CameraSource.builder()
                                        .setCameras(List.of(CAM))
                                        .setMaxFramesPerCamera(10)
                                        .setDiscoveryInterval(Duration.ofSeconds(5))
                                        .build())
                .hasMessageContaining("camera.discovery.interval");
        assertThatThrownBy(
                        () ->
                                CameraSource.builder()
                                        .setCameras(List.of(CAM))
                                        .setPolicyProviderFactory(PolicyProviderFactory.none())
                                        .setPolicyBootstrapServers("k:9092")
                                        .build())
                .hasMessageContaining("not both");
        assertThatThrownBy(
                        () ->
                                CameraSource.builder()
                                        .setCameras(List.of(CAM))
                                        .setOption(
                                                CameraSourceOptions.LIVE_OPEN_TIMEOUT,
                                                Duration.ZERO)
                                        .build())
                .hasMessageContaining("camera.live.open-timeout");
    }
}
