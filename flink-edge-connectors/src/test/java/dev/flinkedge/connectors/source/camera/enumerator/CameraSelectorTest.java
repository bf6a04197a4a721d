package dev.flinkedge.connectors.source.camera.enumerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.source.camera.AreaFilter;
import dev.flinkedge.connectors.source.camera.CameraDevice;
import dev.flinkedge.connectors.source.camera.DeviceCatalog;
import dev.flinkedge.registry.model.SourceSpec;

import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Choosing the cameras of device-based and range-based raw streams. */
class CameraSelectorTest {

    private static final String AREA =
            "POLYGON((-0.2 51.45, 0.0 51.45, 0.0 51.55, -0.2 51.55, -0.2 51.45))";

    @TempDir Path dir;

    private static String camera(String id, double lat, double lon) {
        return "  - {id: "
                + id
                + ", location: {lat: "
                + lat
                + ", lon: "
                + lon
                + "},"
                + " spec: {kind: SYNTHETIC, seed: 1, fps: 5, width: 320, height: 180}}\n";
    }

    @Test
    void rangeBasedSelectionFollowsTheCatalogFileAfterSerialization() throws Exception {
        Path file = dir.resolve("cams.yaml");
        Files.writeString(
                file, "cameras:\n" + camera("in-1", 51.50, -0.10) + camera("out-1", 48.85, 2.29));
        CameraSelector selector =
                InstantiationUtil.clone(CameraSelector.inside(file, AreaFilter.of(List.of(AREA))));

        assertThat(selector.select()).extracting(CameraDevice::id).containsExactly("in-1");

        Files.writeString(
                file,
                "cameras:\n"
                        + camera("in-1", 51.50, -0.10)
                        + camera("in-2", 51.46, -0.19)
                        + camera("out-1", 48.85, 2.29));
        assertThat(selector.select()).extracting(CameraDevice::id).containsExactly("in-1", "in-2");
    }

    @Test
    void rawStreamSourcesSelectDevicesOrAreas() throws IOException {
        Path file =
                Files.writeString(
                        dir.resolve("cams.yaml"),
                        "cameras:\n" + camera("in-1", 51.50, -0.10) + camera("out-1", 48.85, 2.29));
        DeviceCatalog catalog = DeviceCatalog.load(file);

        assertThat(CameraSelector.forSource(catalog, SourceSpec.areas(List.of(AREA))).select())
                .extracting(CameraDevice::id)
                .containsExactly("in-1");
        assertThat(CameraSelector.forSource(catalog, SourceSpec.devices(List.of("out-1"))).select())
                .extracting(CameraDevice::id)
                .containsExactly("out-1");
        assertThatThrownBy(() -> CameraSelector.devices(file, List.of("gone")).select())
                .hasMessageContaining("[gone]");
    }
}
