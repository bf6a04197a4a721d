package dev.flinkedge.scheduler.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfigLadderTest {

    private final ConfigLadder ladder = ConfigLadder.from(new VideoConfig(1280, 720, 10));

    @Test
    void picksTheCostliestRungWithinTheBudgetPreferringResolution() {
        assertThat(ladder.within(1)).isEqualTo(new VideoConfig(1280, 720, 10));
        assertThat(ladder.within(0.5)).isEqualTo(new VideoConfig(1280, 720, 5));
        assertThat(ladder.within(0.3)).isEqualTo(new VideoConfig(1280, 720, 3));
        assertThat(ladder.within(0.26)).isEqualTo(new VideoConfig(640, 360, 10));
        assertThat(ladder.within(0)).isEqualTo(ladder.cheapest());
        assertThat(ladder.cheapest()).isEqualTo(new VideoConfig(320, 180, 1));
    }

    @Test
    void rungsAreEvenSizedAndNeverBelowOneFps() {
        assertThat(ladder.rungs())
                .allSatisfy(
                        c -> {
                            assertThat(c.width() % 2).isZero();
                            assertThat(c.height() % 2).isZero();
                            assertThat(c.fps()).isGreaterThanOrEqualTo(1 - 1e-9);
                        });
        assertThat(ladder.rungs()).contains(new VideoConfig(480, 270, 10));
        assertThat(ConfigLadder.from(new VideoConfig(640, 360, 0.5)).cheapest())
                .isEqualTo(new VideoConfig(160, 90, 0.5));
    }

    @Test
    void aLowerFloorAddsSlowerRungs() {
        ConfigLadder slow = ConfigLadder.from(new VideoConfig(1280, 720, 2), 0.2);
        assertThat(slow.cheapest()).isEqualTo(new VideoConfig(320, 180, 0.2));
        assertThat(slow.within(0.3)).isEqualTo(new VideoConfig(1280, 720, 0.6));
        assertThat(ConfigLadder.from(new VideoConfig(1280, 720, 2)).cheapest())
                .isEqualTo(new VideoConfig(320, 180, 1));
        assertThatThrownBy(() -> ConfigLadder.from(new VideoConfig(1280, 720, 2), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("floor 0.0 fps");
    }

    @Test
    void aFrameCostShareMakesCutsLowerTheFrameRateFirst() {
        VideoConfig best = new VideoConfig(1920, 1080, 1.5);
        // Pixel rate: half the budget buys full resolution at 0.75 fps or a quarter of the
        // pixels at full rate; the latter costs a detector with a fixed input nearly as much.
        assertThat(ConfigLadder.from(best, 0.2).within(0.25))
                .isEqualTo(new VideoConfig(960, 540, 1.5));
        ConfigLadder perFrame = ConfigLadder.from(best, 0.2, 0.8);
        // 0.8 of a frame's cost stays whatever its size: 960x540@1.5 costs 0.8 + 0.2 × 0.25.
        assertThat(perFrame.cost(new VideoConfig(960, 540, 1.5))).isCloseTo(0.85, within(1e-9));
        assertThat(perFrame.within(0.5)).isEqualTo(new VideoConfig(1920, 1080, 0.75));
        assertThat(perFrame.within(0.25).fps()).isLessThan(0.75);
        assertThatThrownBy(() -> ConfigLadder.from(best, 0.2, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Frame-cost share 1.5");
    }
}
