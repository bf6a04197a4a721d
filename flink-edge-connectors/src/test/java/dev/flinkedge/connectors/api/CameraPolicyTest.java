package dev.flinkedge.connectors.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.model.CameraPolicy;

import org.junit.jupiter.api.Test;

/** Validation of {@link CameraPolicy} values. */
class CameraPolicyTest {

    @Test
    void acceptsAValidPolicyAndDefaultsToNoOffload() {
        CameraPolicy p = new CameraPolicy("cam-1", 2.5, 640, 360, null, 3);

        assertThat(p.offload()).isEqualTo(CameraPolicy.Offload.NONE);
        assertThat(p.withVersion(4).version()).isEqualTo(4);
        assertThat(p.withOffload(new CameraPolicy.Offload("cloud", 0.5)).offload().fraction())
                .isEqualTo(0.5);
    }

    @Test
    void rejectsBadRatesAndSizesNamingTheCamera() {
        assertThatThrownBy(() -> CameraPolicy.of("cam-1", 0, 640, 360))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fps 0.0")
                .hasMessageContaining("cam-1");
        assertThatThrownBy(() -> CameraPolicy.of("cam-1", Double.NaN, 640, 360))
                .hasMessageContaining("fps NaN");
        assertThatThrownBy(() -> CameraPolicy.of("cam-1", Double.POSITIVE_INFINITY, 640, 360))
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> CameraPolicy.of("cam-1", 5, 0, 360)).hasMessageContaining("0x360");
        assertThatThrownBy(() -> CameraPolicy.of(" ", 5, 10, 10)).hasMessageContaining("blank");
        assertThatThrownBy(() -> CameraPolicy.of(null, 5, 10, 10))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void offloadNeedsAFractionInRangeAndATargetWhenPositive() {
        assertThatThrownBy(() -> new CameraPolicy.Offload("cloud", 1.5))
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> new CameraPolicy.Offload("cloud", -0.1))
                .hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> new CameraPolicy.Offload(null, 0.3))
                .hasMessageContaining("targetSite");
        assertThat(new CameraPolicy.Offload("edge-2", 1.0).fraction()).isEqualTo(1.0);
    }
}
