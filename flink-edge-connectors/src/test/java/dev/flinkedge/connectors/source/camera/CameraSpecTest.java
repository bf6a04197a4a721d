package dev.flinkedge.connectors.source.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.model.GeoPoint;

import org.junit.jupiter.api.Test;

/** Validation of camera specs and devices. */
class CameraSpecTest {

    @Test
    void factoriesBuildValidSpecs() {
        assertThat(CameraSpec.synthetic(1, 10, 1280, 720).kind())
                .isEqualTo(CameraSpec.Kind.SYNTHETIC);
        assertThat(CameraSpec.videoFile("/a.mp4", true).withFps(25).fps()).isEqualTo(25);
        assertThat(CameraSpec.rtsp("rtsp://h/p").withSize(640, 360).width()).isEqualTo(640);
        assertThat(CameraSpec.imageDir("/d", 2, true).loop()).isTrue();
    }

    @Test
    void invalidSpecsSayWhatToFix() {
        assertThatThrownBy(() -> CameraSpec.synthetic(1, 0, 1280, 720))
                .hasMessageContaining("fps > 0");
        assertThatThrownBy(
                        () -> new CameraSpec(CameraSpec.Kind.SYNTHETIC, "x", 1, 10, 10, 10, false))
                .hasMessageContaining("seed, not a uri");
        assertThatThrownBy(() -> CameraSpec.videoFile(" ", false))
                .hasMessageContaining("needs a uri");
        assertThatThrownBy(() -> CameraSpec.rtsp("camera-7")).hasMessageContaining("not a URL");
        assertThatThrownBy(() -> CameraSpec.imageDir("/d", 0, false))
                .hasMessageContaining("fps > 0");
        assertThatThrownBy(() -> CameraSpec.videoFile("/a", false).withSize(640, 0))
                .hasMessageContaining("640x0");
        assertThatThrownBy(() -> new CameraSpec(null, null, 0, 1, 1, 1, false))
                .hasMessageContaining("SYNTHETIC, VIDEO_FILE, RTSP or IMAGE_DIR");
        assertThatThrownBy(() -> CameraSpec.Kind.ofCode(9)).hasMessageContaining("code 9");
    }

    @Test
    void kindCodesAreStable() {
        assertThat(CameraSpec.Kind.SYNTHETIC.code()).isZero();
        assertThat(CameraSpec.Kind.VIDEO_FILE.code()).isEqualTo(1);
        assertThat(CameraSpec.Kind.RTSP.code()).isEqualTo(2);
        assertThat(CameraSpec.Kind.IMAGE_DIR.code()).isEqualTo(3);
    }

    @Test
    void deviceIdsAreChecked() {
        CameraSpec spec = CameraSpec.synthetic(1, 10, 64, 64);
        assertThat(new CameraDevice("cam-1.a:b_c", new GeoPoint(0, 0), spec).id()).isNotBlank();
        assertThatThrownBy(() -> new CameraDevice("cam 1", new GeoPoint(0, 0), spec))
                .hasMessageContaining("'cam 1'");
    }
}
