package dev.flinkedge.connectors.source.camera.reader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/** Which native frames the sampler keeps. */
class FpsSamplerTest {

    private static List<Integer> kept(
            FpsSampler s, double target, double nativeFps, int from, int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            if (s.keep(target, nativeFps)) {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void tenToTwoKeepsEveryFifthFrameStartingWithTheFirst() {
        assertThat(kept(new FpsSampler(), 2, 10, 0, 20)).containsExactly(0, 5, 10, 15);
    }

    @Test
    void fractionalRatiosKeepTheRightShare() {
        assertThat(kept(new FpsSampler(), 7.5, 30, 0, 300)).hasSize(75);
        assertThat(kept(new FpsSampler(), 0.5, 10, 0, 100)).hasSize(5);
    }

    @Test
    void targetsAtOrAboveNativeKeepEverything() {
        assertThat(kept(new FpsSampler(), 30, 10, 0, 10)).hasSize(10);
        assertThat(kept(new FpsSampler(), 10, 10, 0, 10)).hasSize(10);
    }

    @Test
    void aNewTargetAppliesFromTheNextFrame() {
        FpsSampler s = new FpsSampler();
        assertThat(kept(s, 10, 10, 0, 5)).containsExactly(0, 1, 2, 3, 4);
        assertThat(kept(s, 2, 10, 5, 10)).containsExactly(5, 10);
        assertThat(kept(s, 10, 10, 15, 3)).containsExactly(15, 16, 17);
    }
}
