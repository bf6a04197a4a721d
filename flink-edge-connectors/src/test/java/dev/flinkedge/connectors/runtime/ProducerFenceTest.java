package dev.flinkedge.connectors.runtime;

import static dev.flinkedge.connectors.testutil.Descriptors.lease;
import static dev.flinkedge.connectors.testutil.Descriptors.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamStatus;

import org.junit.jupiter.api.Test;

import java.util.Optional;

class ProducerFenceTest {

    private static final StreamRef CARS = new StreamRef("alice", "Cars");
    private static final long NOW = 1_000_000;

    private final ProducerFence fence = new ProducerFence("job-a");

    private void see(StreamStatus status, String holder, long expiresAtMs) {
        fence.update(Optional.of(stream(CARS, status, lease(holder, expiresAtMs), NOW)), NOW);
    }

    @Test
    void staysOpenWhileTheJobHoldsTheLeaseOrNobodyElseHoldsALiveOne() {
        assertThat(fence.isClosed()).isFalse();
        see(StreamStatus.ACTIVE, "job-a", NOW + 5_000);
        assertThat(fence.isClosed()).isFalse();
        // Its own lease lapsed and nobody took over: it may still renew and take the stream back.
        see(StreamStatus.ORPHANED, "job-a", NOW - 1);
        assertThat(fence.isClosed()).isFalse();
        // The previous producer's lease, lapsed, before the submitter marks the stream for job-a.
        see(StreamStatus.ORPHANED, "job-old", NOW - 1);
        see(StreamStatus.ACTIVE, "job-old", NOW - 1);
        assertThat(fence.isClosed()).isFalse();
        fence.update(Optional.of(stream(CARS, StreamStatus.DECLARED, null, NOW)), NOW);
        fence.update(Optional.empty(), NOW);
        assertThat(fence.isClosed()).isFalse();
    }

    @Test
    void closesWhenAnotherJobHoldsALiveLeaseAndOpensOnlyWhenTheLeaseIsTheJobsAgain() {
        see(StreamStatus.ACTIVE, "job-a", NOW + 5_000);
        see(StreamStatus.ACTIVE, "host-job", NOW + 15_000);
        assertThat(fence.isClosed()).isTrue();

        // The host's lease lapsing does not hand the stream back to job-a.
        see(StreamStatus.ACTIVE, "host-job", NOW - 1);
        see(StreamStatus.ORPHANED, "host-job", NOW - 1);
        assertThat(fence.isClosed()).isTrue();

        see(StreamStatus.ACTIVE, "job-a", NOW + 15_000);
        assertThat(fence.isClosed()).isFalse();
    }

    @Test
    void needsTheJobId() {
        assertThatThrownBy(() -> new ProducerFence(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("job id");
    }
}
