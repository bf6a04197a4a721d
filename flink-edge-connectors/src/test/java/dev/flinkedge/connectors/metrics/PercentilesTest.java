package dev.flinkedge.connectors.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void usesTheNearestRankInMilliseconds() {
        long[] nanos = new long[100];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (i + 1) * 1_000_000L;
        }
        assertThat(Percentiles.millis(nanos, 0.50)).isEqualTo(50.0);
        assertThat(Percentiles.millis(nanos, 0.99)).isEqualTo(99.0);
        assertThat(Percentiles.millis(nanos, 1.0)).isEqualTo(100.0);
        assertThat(Percentiles.millis(new long[] {2_500_000L}, 0.99)).isEqualTo(2.5);
    }

    @Test
    void rejectsNoSamplesAndBadQuantiles() {
        assertThatThrownBy(() -> Percentiles.millis(new long[0], 0.5))
                .hasMessageContaining("no samples");
        assertThatThrownBy(() -> Percentiles.millis(new long[] {1}, 0))
                .hasMessageContaining("outside (0, 1]");
    }
}
