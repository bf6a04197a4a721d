package dev.flinkedge.connectors.sink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.testutil.SharingFixture;
import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.testutil.Specs;
import dev.flinkedge.registry.testutil.Wait;

import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.JobException;
import org.apache.flink.runtime.jobmanager.scheduler.NoResourceAvailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * The tap's coordinator gives a stream up as soon as the tap cannot get a slot, against a real
 * registry: the stream turns ORPHANED long before its production lease could lapse.
 */
class ProductionReleaseITCase {

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static SharingFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new SharingFixture(KAFKA.bootstrapServers(), "_release");
        fixture.client("alice").create(Specs.raw("Video", "cam-1"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        fixture.close();
    }

    @Test
    void aTapWithoutASlotReleasesTheLeaseAtOnce() {
        RegistryClient alice = fixture.client("alice");
        alice.create(Specs.derived("Cars", "detect", "alice/Video"));
        StreamRef cars = new StreamRef("alice", "Cars");
        JobID job = new JobID();
        alice.setStatus(cars, StreamStatus.ACTIVE, new Producer(job.toString(), "x+a", null));
        long leaseEnds = alice.describe(cars).lease().expiresAtMs();
        ProductionRelease release = new ProductionRelease(job, cars, fixture.channel("alice"));

        release.executionAttemptFailed(
                0,
                1,
                new CompletionException(
                        new NoResourceAvailableException(
                                "Could not acquire the minimum required resources.")));

        Wait.until(
                () -> alice.describe(cars).status() == StreamStatus.ORPHANED,
                Duration.ofSeconds(5),
                "the stream of a tap without a slot to turn ORPHANED");
        assertThat(alice.describe(cars).updatedAtMs()).isLessThan(leaseEnds);
    }

    @Test
    void onlyAFailureForWantOfASlotGivesTheStreamUp() {
        assertThat(ProductionRelease.isUnschedulable(new NoResourceAvailableException("no slot")))
                .isTrue();
        assertThat(
                        ProductionRelease.isUnschedulable(
                                new JobException("x", new NoResourceAvailableException("no"))))
                .isTrue();
        assertThat(ProductionRelease.isUnschedulable(new RuntimeException("the model crashed")))
                .isFalse();
        assertThat(ProductionRelease.isUnschedulable(null)).isFalse();
    }
}
