package dev.flinkedge.connectors.source.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.registry.model.SourceSpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loading catalogs and turning RAW stream sources into cameras. */
class DeviceCatalogTest {

    private static final String YAML =
            """
            cameras:
              - id: cam-westminster
                location: {lat: 51.5010, lon: -0.1416}
                spec: {kind: SYNTHETIC, seed: 1, fps: 10, width: 1280, height: 720}
              - id: cam-bridge
                location: {lat: 51.5055, lon: -0.0754}
                spec: {kind: video_file, uri: /data/bridge.mp4, loop: true}
              - id: cam-paris
                location: {lat: 48.8584, lon: 2.2945}
                spec: {kind: IMAGE_DIR, uri: /data/paris, fps: 2}
            """;

    @TempDir Path dir;

    @Test
    void loadsYamlAndJson() throws IOException {
        DeviceCatalog fromYaml = DeviceCatalog.load(write("cams.yaml", YAML));
        DeviceCatalog fromJson =
                DeviceCatalog.load(
                        write(
                                "cams.json",
                                """
                                {"cameras": [{"id": "cam-bridge",
                                  "location": {"lat": 51.5055, "lon": -0.0754},
                                  "spec": {"kind": "VIDEO_FILE", "uri": "/data/bridge.mp4",
                                           "loop": true}}]}
                                """));

        assertThat(fromYaml.devices())
                .extracting(CameraDevice::id)
                .containsExactly("cam-bridge", "cam-paris", "cam-westminster");
        assertThat(fromYaml.get("cam-westminster").spec())
                .isEqualTo(CameraSpec.synthetic(1, 10, 1280, 720));
        assertThat(fromYaml.get("cam-bridge")).isEqualTo(fromJson.get("cam-bridge"));
        assertThat(fromYaml.get("cam-paris").location()).isEqualTo(new GeoPoint(48.8584, 2.2945));
    }

    @Test
    void resolvesDeviceBasedAndRangeBasedSources() throws IOException {
        DeviceCatalog catalog = DeviceCatalog.load(write("cams.yaml", YAML));
        String london = "POLYGON((-0.2 51.45, 0.0 51.45, 0.0 51.55, -0.2 51.55, -0.2 51.45))";

        assertThat(catalog.resolve(SourceSpec.devices(List.of("cam-paris", "cam-bridge"))))
                .extracting(CameraDevice::id)
                .containsExactly("cam-paris", "cam-bridge");
        assertThat(catalog.resolve(SourceSpec.areas(List.of(london))))
                .extracting(CameraDevice::id)
                .containsExactly("cam-bridge", "cam-westminster");
    }

    @Test
    void errorsNameTheFileTheFieldOrTheUnknownCamera() throws IOException {
        DeviceCatalog catalog = DeviceCatalog.load(write("cams.yaml", YAML));

        assertThatThrownBy(() -> catalog.select(List.of("cam-paris", "cam-mars")))
                .hasMessageContaining("[cam-mars]")
                .hasMessageContaining("known cameras");
        assertThatThrownBy(() -> DeviceCatalog.load(dir.resolve("missing.yaml")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("missing.yaml")
                .hasMessageContaining("does not exist");
        Path badSpec =
                write(
                        "bad.yaml",
                        """
                        cameras:
                          - id: cam-1
                            location: {lat: 1, lon: 2}
                            spec: {kind: IMAGE_DIR, uri: /x}
                        """);
        assertThatThrownBy(() -> DeviceCatalog.load(badSpec))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("bad.yaml")
                .hasMessageContaining("fps > 0");
        Path duplicate =
                write(
                        "dup.yaml",
                        """
                        cameras:
                          - id: cam-1
                            location: {lat: 1, lon: 2}
                            spec: {kind: RTSP, uri: "rtsp://a/b"}
                          - id: cam-1
                            location: {lat: 1, lon: 3}
                            spec: {kind: RTSP, uri: "rtsp://a/c"}
                        """);
        assertThatThrownBy(() -> DeviceCatalog.load(duplicate))
                .hasMessageContaining("'cam-1' appears twice");
        Path typo = write("typo.yaml", "cameras:\n  - {id: c, locaton: {lat: 1, lon: 2}}\n");
        assertThatThrownBy(() -> DeviceCatalog.load(typo))
                .hasMessageContaining("typo.yaml")
                .hasMessageContaining("needs a location");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
