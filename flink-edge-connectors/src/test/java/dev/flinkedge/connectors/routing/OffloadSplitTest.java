package dev.flinkedge.connectors.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OffloadSplitTest {

    @Test
    void everyRunOfFramesSendsNearlyTheFraction() {
        for (double fraction : new double[] {0.1, 0.25, 0.5, 0.75, 0.9}) {
            for (long start : new long[] {0, 1, 977, 1_000_003}) {
                for (int n : new int[] {20, 100, 1000}) {
                    long sent = 0;
                    for (long seq = start; seq < start + n; seq++) {
                        sent += OffloadSplit.offloads(seq, fraction) ? 1 : 0;
                    }
                    assertThat((double) sent)
                            .as("frames %d..%d at %s", start, start + n, fraction)
                            .isCloseTo(fraction * n, org.assertj.core.data.Offset.offset(2.5));
                }
            }
        }
    }

    @Test
    void noneAndAllAreExact() {
        for (long seq = 0; seq < 1000; seq++) {
            assertThat(OffloadSplit.offloads(seq, 0)).isFalse();
            assertThat(OffloadSplit.offloads(seq, 1)).isTrue();
        }
    }

    @Test
    void aLargerFractionKeepsEveryFrameTheSmallerOneSent() {
        for (long seq = 0; seq < 1000; seq++) {
            if (OffloadSplit.offloads(seq, 0.25)) {
                assertThat(OffloadSplit.offloads(seq, 0.75)).isTrue();
            }
        }
    }
}
