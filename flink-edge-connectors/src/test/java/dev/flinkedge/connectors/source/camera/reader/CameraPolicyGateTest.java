package dev.flinkedge.connectors.source.camera.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.policy.InMemoryPolicyProvider;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

/** A camera applies only policies that fit it, keeps the last that did and counts the others. */
class CameraPolicyGateTest {

    private static final NativeFormat NATIVE = new NativeFormat(10, 1280, 720);

    private final InMemoryPolicyProvider policies =
            new InMemoryPolicyProvider(cam -> CameraPolicy.of(cam, 10, 1280, 720));
    private final AtomicLong unfit = new AtomicLong();
    private final CameraPolicyGate gate = new CameraPolicyGate("cam-1", NATIVE, policies, unfit);

    @Test
    void appliesAPolicyWithinTheCamerasRangeAndSize() {
        CameraPolicy half = CameraPolicy.of("cam-1", 5, 640, 360).withVersion(1);
        policies.update(half);

        assertThat(gate.current()).isEqualTo(half);
        assertThat(unfit).hasValue(0);
    }

    @Test
    void keepsTheLastFittingPolicyAndCountsEachUnfitVersionOnce() {
        CameraPolicy half = CameraPolicy.of("cam-1", 5, 640, 360).withVersion(1);
        policies.update(half);
        assertThat(gate.current()).isEqualTo(half);

        policies.update(CameraPolicy.of("cam-1", 30, 640, 360).withVersion(2));
        assertThat(gate.current()).isEqualTo(half);
        assertThat(gate.current()).isEqualTo(half);
        assertThat(unfit).hasValue(1);

        policies.update(CameraPolicy.of("cam-1", 5, 1920, 1080).withVersion(3));
        assertThat(gate.current()).isEqualTo(half);
        assertThat(unfit).hasValue(2);
    }

    @Test
    void beforeAnyFittingPolicyTheCameraDeliversItsNativeFormat() {
        policies.update(CameraPolicy.of("cam-1", 25, 1280, 720).withVersion(1));

        CameraPolicy applied = gate.current();

        assertThat(applied.fps()).isEqualTo(10);
        assertThat(applied.width()).isEqualTo(1280);
        assertThat(applied.height()).isEqualTo(720);
        assertThat(unfit).hasValue(1);
    }
}
