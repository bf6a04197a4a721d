package dev.flinkedge.registry.service;

import static dev.flinkedge.registry.service.ProductionLeaseITCase.LEASE_SECONDS;
import static dev.flinkedge.registry.service.ProductionLeaseITCase.SWEEP_MS;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.kafka.EmbeddedKafka;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.errors.Errors;
import dev.flinkedge.registry.errors.RegistryUnavailableException;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.Subscription;
import dev.flinkedge.registry.testutil.RegistryInstance;
import dev.flinkedge.registry.testutil.Specs;
import dev.flinkedge.registry.testutil.Wait;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Production leases through an outage of the registry's Kafka while the registry itself stays up:
 * producers cannot renew meanwhile, so the sweep gives them one lease length after the outage
 * before it orphans their streams. Stops its own broker, so it does not share one with {@link
 * ProductionLeaseITCase}.
 */
class ProductionLeaseOutageITCase {

    private EmbeddedKafka kafka;
    private RegistryInstance registry;

    /** Client-side start of the last write that the registry refused as unavailable. */
    private long lastRefusedAt;

    @BeforeEach
    void start() throws Exception {
        kafka = EmbeddedKafka.builder().baseDir(Path.of("target", "kafka")).start();
        registry = ProductionLeaseITCase.start(kafka.bootstrapServers(), "_outage");
    }

    @AfterEach
    void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void afterAKafkaOutageProducersGetOneLeaseToRenewBeforeTheSweepOrphansTheirStreams()
            throws Exception {
        RegistryClient alice = registry.client("alice");
        StreamDescriptor cars = ProductionLeaseITCase.produceCars(alice, "job-a");
        StreamDescriptor trucks = ProductionLeaseITCase.produce(alice, "Trucks", "job-b");
        // A reader of Cars, whose job cannot renew its subscription either while Kafka is away.
        String reader = alice.subscribe(cars.ref(), "job-r", LEASE_SECONDS).id();

        // Kafka stays away for more than three leases; job-a keeps trying to renew, in vain.
        kafka.stopBroker();
        long outageEndsAt = System.currentTimeMillis() + 3L * LEASE_SECONDS * 1000 + 500;
        Wait.until(
                () -> {
                    assertRefusedAsUnavailable(() -> alice.renewProduction(cars.ref(), "job-a"));
                    return System.currentTimeMillis() > outageEndsAt;
                },
                Duration.ofSeconds(3L * LEASE_SECONDS + 30),
                "the outage to last three leases");
        kafka.startBroker();

        // The first write that Kafka takes again is not a renewal, which would revive the stream.
        Wait.until(
                () -> writes(() -> alice.create(Specs.raw("Radar", "r-1"))),
                Duration.ofSeconds(60),
                "a write to succeed once Kafka is back");
        long backAt = System.currentTimeMillis();
        Wait.until(
                () -> {
                    assertThat(alice.describe(cars.ref()).status())
                            .as("%s right after the outage", cars.ref())
                            .isEqualTo(StreamStatus.ACTIVE);
                    assertThat(alice.describe(trucks.ref()).status())
                            .as("%s right after the outage", trucks.ref())
                            .isEqualTo(StreamStatus.ACTIVE);
                    // Kept, so the stream's taps keep writing for the reader meanwhile.
                    assertThat(storedSubscriptionIds(cars.ref()))
                            .as("the reader's subscription right after the outage")
                            .containsExactly(reader);
                    return System.currentTimeMillis() > backAt + 5 * SWEEP_MS;
                },
                Duration.ofSeconds(10),
                "five sweep intervals after the outage");

        // job-a comes back within the grace: its stream never turned ORPHANED.
        alice.renewProduction(cars.ref(), "job-a");
        StreamDescriptor renewed = alice.describe(cars.ref());
        assertThat(renewed.status()).isEqualTo(StreamStatus.ACTIVE);
        assertThat(renewed.updatedAtMs()).isEqualTo(cars.updatedAtMs());

        // job-b never comes back: ORPHANED once the grace of one lease after the outage is over;
        // job-a keeps renewing meanwhile, as a running producer does.
        Wait.until(
                () -> {
                    alice.renewProduction(cars.ref(), "job-a");
                    return alice.describe(trucks.ref()).status() == StreamStatus.ORPHANED;
                },
                Duration.ofSeconds(2L * LEASE_SECONDS + 10),
                "the sweep to orphan " + trucks.ref() + " after the grace");
        assertThat(alice.describe(trucks.ref()).updatedAtMs())
                .as("ms from the last refused write to ORPHANED")
                .isGreaterThanOrEqualTo(lastRefusedAt + LEASE_SECONDS * 1000L);
        assertThat(alice.describe(cars.ref()).status()).isEqualTo(StreamStatus.ACTIVE);
        // The reader never renewed either: the sweep ends its subscription after the same grace.
        Wait.until(
                () -> storedSubscriptionIds(cars.ref()).isEmpty(),
                Duration.ofSeconds(2L * LEASE_SECONDS + 10),
                "the sweep to end the reader's subscription after the grace");
    }

    private List<String> storedSubscriptionIds(StreamRef ref) {
        return registry.app().service().state().storedSubscriptions(ref).stream()
                .map(Subscription::id)
                .toList();
    }

    /** Runs {@code write}, which the registry must refuse with 503 because Kafka is away. */
    private void assertRefusedAsUnavailable(Runnable write) {
        long at = System.currentTimeMillis();
        try {
            write.run();
        } catch (RegistryUnavailableException e) {
            assertThat(e.httpStatus()).isEqualTo(503);
            assertThat(e.errorCode()).isEqualTo(Errors.STORE_UNAVAILABLE);
            lastRefusedAt = at;
            return;
        }
        throw new AssertionError("a write succeeded while Kafka was stopped");
    }

    /** Whether {@code write} succeeded; a refusal while Kafka recovers is not yet a failure. */
    private boolean writes(Runnable write) {
        long at = System.currentTimeMillis();
        try {
            write.run();
            return true;
        } catch (RegistryUnavailableException e) {
            if (e.errorCode() == Errors.STORE_UNAVAILABLE) {
                lastRefusedAt = at;
            }
            return false;
        }
    }
}
