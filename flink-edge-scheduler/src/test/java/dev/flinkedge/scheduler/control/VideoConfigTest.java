package dev.flinkedge.scheduler.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Scaling a configuration: even pixel counts, never below 2, factors checked. */
class VideoConfigTest {

    @Test
    void scalesToEvenPixelCountsAndTheRate() {
        VideoConfig best = new VideoConfig(1920, 1080, 1.5);
        assertThat(best.scaled(0.5, 0.25)).isEqualTo(new VideoConfig(960, 540, 0.375));
        assertThat(best.scaled(0.375, 1)).isEqualTo(new VideoConfig(720, 406, 1.5));
        assertThat(new VideoConfig(3, 3, 1).scaled(0.1, 1)).isEqualTo(new VideoConfig(2, 2, 1));
    }

    @Test
    void refusesFactorsThatAreNotPositiveAndFinite() {
        VideoConfig best = new VideoConfig(1280, 720, 10);
        assertThatThrownBy(() -> best.scaled(0, 1)).hasMessageContaining("Scale 0.0");
        assertThatThrownBy(() -> best.scaled(1, Double.POSITIVE_INFINITY))
                .hasMessageContaining("rate Infinity");
    }
}
