package dev.flinkedge.connectors.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.model.CameraPolicy;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** Each rule a published camera policy must pass. */
class PolicyRulesTest {

    private static final CameraPolicy APPLIED =
            CameraPolicy.of("cam-1", 5, 640, 360).withVersion(4);

    @Test
    void aNewerPolicyAboveTheRateFloorIsAccepted() {
        assertThat(PolicyRules.rejection(APPLIED.withVersion(5), APPLIED)).isEmpty();
        assertThat(PolicyRules.rejection(CameraPolicy.of("cam-1", PolicyRules.MIN_FPS, 1, 1), null))
                .isEmpty();
    }

    @Test
    void aRateBelowTheFloorIsRejected() {
        assertThat(
                        PolicyRules.rejection(
                                CameraPolicy.of("cam-1", 0.05, 640, 360).withVersion(5), APPLIED))
                .get(InstanceOfAssertFactories.STRING)
                .contains("below the minimum 0.1");
    }

    @Test
    void versionsOnlyMoveForward() {
        assertThat(PolicyRules.rejection(APPLIED.withVersion(3), APPLIED))
                .get(InstanceOfAssertFactories.STRING)
                .contains("version 3 is not after the applied version 4");
        assertThat(PolicyRules.rejection(APPLIED, APPLIED)).isPresent();
        // Without a published policy any version is a step forward.
        assertThat(PolicyRules.rejection(APPLIED.withVersion(0), null)).isEmpty();
    }

    @Test
    void fpsMustBeWithinTheCamerasRange() {
        assertThat(PolicyRules.rejection(APPLIED, 25, 1280, 720)).isEmpty();
        assertThat(PolicyRules.rejection(APPLIED, 4, 1280, 720))
                .get(InstanceOfAssertFactories.STRING)
                .contains("outside the camera's range [0.1, 4.0]");
    }

    @Test
    void sizeMustNotExceedTheNativeSize() {
        assertThat(PolicyRules.rejection(APPLIED, 25, 640, 360)).isEmpty();
        assertThat(PolicyRules.rejection(APPLIED, 25, 639, 360))
                .get(InstanceOfAssertFactories.STRING)
                .contains("above the camera's native 639x360");
        assertThat(PolicyRules.rejection(APPLIED, 25, 640, 359)).isPresent();
    }

    @Test
    void nonPositiveSizesAndFractionsOutsideZeroToOneNeverMakeAPolicy() {
        assertThatThrownBy(() -> CameraPolicy.of("cam-1", 1, 0, 360))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new CameraPolicy.Offload("site", 1.5))
                .hasMessageContaining("must be in [0, 1]");
        assertThatThrownBy(() -> new CameraPolicy.Offload("site", -0.1))
                .hasMessageContaining("must be in [0, 1]");
    }
}
