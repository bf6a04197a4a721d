package dev.flinkedge.jobs.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.ProductionLease;

import org.junit.jupiter.api.Test;

/** How {@code streams describe} shows a production lease. */
class DescriptorTextTest {

    private static final long NOW = 1_800_000_000_000L;

    @Test
    void aLiveLeaseShowsItsHolderAndTheSecondsLeft() {
        assertThat(DescriptorText.lease(new ProductionLease("j1", "edge-1", 15, NOW + 9_001), NOW))
                .isEqualTo("job j1 @ edge-1, 15s, expires in 10s (live)");
    }

    @Test
    void aLapsedLeaseShowsHowLongAgo() {
        assertThat(DescriptorText.lease(new ProductionLease("j1", null, 15, NOW - 12_500), NOW))
                .isEqualTo("job j1, 15s, lapsed 12s ago");
        assertThat(DescriptorText.lease(new ProductionLease("j1", null, 15, NOW), NOW))
                .isEqualTo("job j1, 15s, lapsed 0s ago");
    }

    @Test
    void aProducerShowsItsJobNameWhenKnownSoHostJobsStandOut() {
        assertThat(StreamTables.producer(new Producer("j1", "host:a/Cars", null)))
                .isEqualTo("j1 (host:a/Cars)");
        assertThat(StreamTables.producer(new Producer("j1", "x+a", "edge-1")))
                .isEqualTo("j1 (x+a) @ edge-1");
        assertThat(StreamTables.producer(new Producer("j1", "edge-1"))).isEqualTo("j1 @ edge-1");
    }

    @Test
    void noLease() {
        assertThat(DescriptorText.lease(null, NOW)).isEqualTo("none");
    }
}
