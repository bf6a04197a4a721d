package dev.flinkedge.connectors.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The shaper against a fake clock: times are passed in, nothing sleeps. */
class TokenBucketShaperTest {

    private static final long MS = 1_000_000;

    /** 8 Mbit/s = 1000 bytes per ms. */
    private static final LinkConditions EIGHT_MBPS_5MS = new LinkConditions(8, 5);

    @Test
    void aBurstLeavesAtOnceThenRecordsGoAtTheLinkRate() {
        TokenBucketShaper shaper = new TokenBucketShaper(EIGHT_MBPS_5MS, 2000, 1_000_000);

        assertThat(shaper.admit(0, 1000)).isEqualTo(5 * MS);
        assertThat(shaper.admit(0, 1000)).isEqualTo(5 * MS);
        // The bucket is empty: the third kilobyte waits 1 ms for its tokens, the fourth 2 ms.
        assertThat(shaper.admit(0, 1000)).isEqualTo(6 * MS);
        assertThat(shaper.admit(0, 1000)).isEqualTo(7 * MS);
        // 100 ms later the bucket is full again.
        assertThat(shaper.admit(100 * MS, 2000)).isEqualTo(105 * MS);
    }

    @Test
    void aRecordLargerThanTheBurstWaitsForTheRestOfItsBytes() {
        TokenBucketShaper shaper = new TokenBucketShaper(EIGHT_MBPS_5MS, 1000, 1_000_000);

        // 1000 bytes are in the bucket, the other 9000 take 9 ms.
        assertThat(shaper.admit(0, 10_000)).isEqualTo(14 * MS);
        assertThat(shaper.admit(0, 1000)).isEqualTo(15 * MS);
    }

    @Test
    void steadyLoadAboveTheBandwidthQueuesUpUntilTheQueueLimitDrops() {
        TokenBucketShaper shaper = new TokenBucketShaper(EIGHT_MBPS_5MS, 1000, 10_000);
        int dropped = 0;
        long lastArrival = 0;
        // 2000 bytes every ms on a 1000 bytes/ms link.
        for (int ms = 0; ms < 100; ms++) {
            long arrival = shaper.admit(ms * MS, 2000);
            if (arrival == TokenBucketShaper.DROPPED) {
                dropped++;
            } else {
                assertThat(arrival).isGreaterThanOrEqualTo(lastArrival);
                assertThat(arrival - ms * MS).isLessThanOrEqualTo((5 + 10 + 2) * MS);
                lastArrival = arrival;
            }
        }
        assertThat(dropped).isBetween(45, 55);
    }

    @Test
    void aBandwidthDropSlowsRecordsAdmittedAfterIt() {
        TokenBucketShaper shaper = new TokenBucketShaper(new LinkConditions(80, 0), 1, 1 << 30);
        // 80 Mbit/s = 10 000 bytes per ms: 100 KB take 10 ms (less the 1-byte burst).
        assertThat(shaper.admit(0, 100_000)).isCloseTo(10 * MS, within(MS / 100));
        assertThat(shaper.admit(0, 100_000)).isCloseTo(20 * MS, within(MS / 100));

        shaper.setConditions(new LinkConditions(8, 0), 50 * MS);

        // 8 Mbit/s = 1000 bytes per ms: 100 KB take 100 ms.
        assertThat(shaper.admit(50 * MS, 100_000)).isCloseTo(150 * MS, within(MS / 100));
        assertThat(shaper.admit(150 * MS, 100_000)).isCloseTo(250 * MS, within(MS / 100));
    }

    @Test
    void recordsKeepTheirOrderWhenTheLatencyDrops() {
        TokenBucketShaper shaper = new TokenBucketShaper(new LinkConditions(8, 50), 10_000, 0);
        long first = shaper.admit(0, 100);
        shaper.setConditions(new LinkConditions(8, 1), 1 * MS);

        assertThat(first).isEqualTo(50 * MS);
        assertThat(shaper.admit(1 * MS, 100)).isEqualTo(50 * MS);
        assertThat(shaper.admit(60 * MS, 100)).isEqualTo(61 * MS);
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new TokenBucketShaper(EIGHT_MBPS_5MS, 0, 0))
                .hasMessageContaining("burst 0");
        assertThatThrownBy(() -> new LinkConditions(0, 1))
                .hasMessageContaining("bandwidth 0.0 Mbit/s");
    }
}
