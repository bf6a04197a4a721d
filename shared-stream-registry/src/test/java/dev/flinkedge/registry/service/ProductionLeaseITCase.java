package dev.flinkedge.registry.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.errors.AccessDeniedException;
import dev.flinkedge.registry.errors.ConflictException;
import dev.flinkedge.registry.errors.Errors;
import dev.flinkedge.registry.errors.NotFoundException;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.ProductionLease;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.storage.RegistryConfig;
import dev.flinkedge.registry.testutil.RegistryInstance;
import dev.flinkedge.registry.testutil.Specs;
import dev.flinkedge.registry.testutil.Wait;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

/**
 * Production leases on a real broker: granted with ACTIVE, renewed only by their holder, released
 * or lapsed into ORPHANED within a sweep interval, persisted through the topic, and never resolved
 * once lapsed.
 */
class ProductionLeaseITCase {

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    static final int LEASE_SECONDS = 3;
    static final long SWEEP_MS = 100;

    private static RegistryInstance start(String topic) throws Exception {
        return start(KAFKA.bootstrapServers(), topic);
    }

    /** A registry on {@code topic} with short production leases and a fast sweep. */
    static RegistryInstance start(String bootstrapServers, String topic) throws Exception {
        return RegistryInstance.start(
                bootstrapServers,
                topic,
                Map.of(
                        RegistryConfig.PRODUCTION_LEASE_SECONDS, LEASE_SECONDS,
                        RegistryConfig.LEASE_SWEEP_INTERVAL_MS, SWEEP_MS));
    }

    /** alice/Video and alice/Cars, Cars ACTIVE produced by {@code jobId} at edge-1. */
    static StreamDescriptor produceCars(RegistryClient alice, String jobId) {
        alice.create(Specs.raw("Video"));
        StreamDescriptor cars = alice.create(Specs.derived("Cars", "detect", "alice/Video"));
        return alice.setStatus(cars.ref(), StreamStatus.ACTIVE, new Producer(jobId, "edge-1"));
    }

    @Test
    void activeGrantsALeaseThatTheDescriptorShowsAndThatSurvivesARestart() throws Exception {
        long before = System.currentTimeMillis();
        StreamDescriptor cars;
        try (RegistryInstance r = start("_grant")) {
            cars = produceCars(r.client("alice"), "job-a");
            ProductionLease lease = cars.lease();
            assertThat(lease.jobId()).isEqualTo("job-a");
            assertThat(lease.site()).isEqualTo("edge-1");
            assertThat(lease.leaseSeconds()).isEqualTo(LEASE_SECONDS);
            assertThat(lease.expiresAtMs())
                    .isBetween(
                            before + LEASE_SECONDS * 1000L,
                            System.currentTimeMillis() + LEASE_SECONDS * 1000L);
            assertThat(r.client("alice").describe(cars.ref()).lease()).isEqualTo(lease);
            assertThat(r.client("alice").resolve(cars.fingerprint()))
                    .extracting(StreamDescriptor::ref)
                    .containsExactly(cars.ref());
        }
        try (RegistryInstance again = start("_grant")) {
            assertThat(again.client("alice").describe(cars.ref()).lease()).isEqualTo(cars.lease());
        }
    }

    @Test
    void onlyTheHolderRenewsAndNoOtherJobTakesALiveLease() throws Exception {
        try (RegistryInstance r = start("_renew")) {
            RegistryClient alice = r.client("alice");
            StreamDescriptor cars = produceCars(alice, "job-a");

            ProductionLease renewed = alice.renewProduction(cars.ref(), "job-a");
            assertThat(renewed.jobId()).isEqualTo("job-a");
            assertThat(renewed.expiresAtMs()).isGreaterThanOrEqualTo(cars.lease().expiresAtMs());
            assertThat(alice.describe(cars.ref()).lease()).isEqualTo(renewed);
            assertThat(alice.describe(cars.ref()).updatedAtMs()).isEqualTo(cars.updatedAtMs());

            assertThatThrownBy(() -> alice.renewProduction(cars.ref(), "job-b"))
                    .isInstanceOfSatisfying(
                            ConflictException.class,
                            e -> {
                                assertThat(e.errorCode()).isEqualTo(Errors.NOT_LEASE_HOLDER);
                                assertThat(e.getMessage()).contains("job-b", "job-a");
                            });
            assertThatThrownBy(
                            () ->
                                    alice.setStatus(
                                            cars.ref(),
                                            StreamStatus.ACTIVE,
                                            new Producer("job-b", "edge-2")))
                    .isInstanceOfSatisfying(
                            ConflictException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(Errors.NOT_LEASE_HOLDER));
            assertThatThrownBy(() -> alice.releaseProduction(cars.ref(), "job-b"))
                    .isInstanceOfSatisfying(
                            ConflictException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(Errors.NOT_LEASE_HOLDER));
            alice.grant(cars.ref(), "bob");
            assertThatThrownBy(() -> r.client("bob").renewProduction(cars.ref(), "job-a"))
                    .isInstanceOfSatisfying(
                            AccessDeniedException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(Errors.NOT_OWNER));
            assertThat(alice.describe(cars.ref()).lease().jobId()).isEqualTo("job-a");
        }
    }

    @Test
    void aLapsedLeaseOrphansTheStreamWithinTheSweepIntervalAndIsNotResolved() throws Exception {
        try (RegistryInstance r = start("_lapse")) {
            RegistryClient alice = r.client("alice");
            StreamDescriptor cars = produceCars(alice, "job-a");
            long lapsesAt = cars.lease().expiresAtMs();

            Wait.until(
                    () -> alice.describe(cars.ref()).status() == StreamStatus.ORPHANED,
                    Duration.ofSeconds(LEASE_SECONDS + 10),
                    "the unrenewed lease to lapse and orphan " + cars.ref());
            StreamDescriptor orphaned = alice.describe(cars.ref());
            assertThat(orphaned.updatedAtMs() - lapsesAt)
                    .as("ms from the lapse to ORPHANED")
                    .isBetween(0L, SWEEP_MS + 900);
            assertThat(orphaned.producer()).isEqualTo(new Producer("job-a", "edge-1"));
            assertThat(orphaned.lease().jobId()).isEqualTo("job-a");
            assertThat(orphaned.lease().isLiveAt(System.currentTimeMillis())).isFalse();
            assertThatThrownBy(() -> alice.resolve(cars.fingerprint()))
                    .isInstanceOf(NotFoundException.class);

            // The holder that lost the registry for a while, with nobody else producing since,
            // produces the stream again.
            alice.renewProduction(cars.ref(), "job-a");
            assertThat(alice.describe(cars.ref()).status()).isEqualTo(StreamStatus.ACTIVE);
            assertThat(alice.resolve(cars.fingerprint())).hasSize(1);
        }
    }

    @Test
    void afterARestartProducersGetOneLeaseToRenewBeforeTheSweepOrphansTheirStreams()
            throws Exception {
        StreamDescriptor cars;
        StreamDescriptor trucks;
        StreamDescriptor buses;
        try (RegistryInstance r = start("_grace")) {
            RegistryClient alice = r.client("alice");
            cars = produceCars(alice, "job-a");
            trucks = produce(alice, "Trucks", "job-b");
            buses = produce(alice, "Buses", "job-c");
        }
        long lapsedAt =
                Math.max(
                        cars.lease().expiresAtMs(),
                        Math.max(trucks.lease().expiresAtMs(), buses.lease().expiresAtMs()));
        // The registry stays down until every lease lapsed: nobody could renew meanwhile.
        Wait.until(
                () -> System.currentTimeMillis() > lapsedAt,
                Duration.ofSeconds(LEASE_SECONDS + 10),
                "the leases to lapse while the registry is down");

        long restartedAt = System.currentTimeMillis();
        try (RegistryInstance r = start("_grace")) {
            RegistryClient alice = r.client("alice");
            // job-a comes back within the grace: its stream never turned ORPHANED.
            alice.renewProduction(cars.ref(), "job-a");
            StreamDescriptor renewed = alice.describe(cars.ref());
            assertThat(renewed.status()).isEqualTo(StreamStatus.ACTIVE);
            assertThat(renewed.updatedAtMs()).isEqualTo(cars.updatedAtMs());

            // A release is no sweep: it orphans at once, grace or not.
            alice.releaseProduction(trucks.ref(), "job-b");
            assertThat(alice.describe(trucks.ref()).status()).isEqualTo(StreamStatus.ORPHANED);

            // job-c never comes back: ORPHANED once the grace of one lease is over; job-a keeps
            // renewing meanwhile, as a running producer does.
            Wait.until(
                    () -> {
                        alice.renewProduction(cars.ref(), "job-a");
                        return alice.describe(buses.ref()).status() == StreamStatus.ORPHANED;
                    },
                    Duration.ofSeconds(2L * LEASE_SECONDS + 10),
                    "the sweep to orphan " + buses.ref() + " after the grace");
            assertThat(alice.describe(buses.ref()).updatedAtMs())
                    .as("ms from the restart to ORPHANED")
                    .isGreaterThanOrEqualTo(restartedAt + LEASE_SECONDS * 1000L);
            assertThat(alice.describe(cars.ref()).status()).isEqualTo(StreamStatus.ACTIVE);
        }
    }

    /** alice/{@code name}, derived from alice/Video, ACTIVE produced by {@code jobId}. */
    static StreamDescriptor produce(RegistryClient alice, String name, String jobId) {
        StreamDescriptor d = alice.create(Specs.derived(name, "detect-" + name, "alice/Video"));
        return alice.setStatus(d.ref(), StreamStatus.ACTIVE, new Producer(jobId, "edge-1"));
    }

    @Test
    void releaseOrphansAtOnceAndAnotherJobOfTheOwnerTakesOver() throws Exception {
        try (RegistryInstance r = start("_release")) {
            RegistryClient alice = r.client("alice");
            StreamDescriptor cars = produceCars(alice, "job-a");

            alice.releaseProduction(cars.ref(), "job-a");
            StreamDescriptor released = alice.describe(cars.ref());
            assertThat(released.status()).isEqualTo(StreamStatus.ORPHANED);
            assertThat(released.lease().isLiveAt(System.currentTimeMillis())).isFalse();
            assertThatThrownBy(() -> alice.resolve(cars.fingerprint()))
                    .isInstanceOf(NotFoundException.class);

            // What ReusePlanner does for the owner's next job: creating the same stream again
            // names the ORPHANED entry, which the new job then produces.
            assertThatThrownBy(() -> alice.create(Specs.derived("Cars", "detect", "alice/Video")))
                    .isInstanceOfSatisfying(
                            ConflictException.class,
                            e -> {
                                assertThat(e.errorCode()).isEqualTo(Errors.STREAM_EXISTS);
                                assertThat(e.existing().orElseThrow().status())
                                        .isEqualTo(StreamStatus.ORPHANED);
                            });
            StreamDescriptor taken =
                    alice.setStatus(
                            cars.ref(), StreamStatus.ACTIVE, new Producer("job-2", "edge-2"));
            assertThat(taken.lease().jobId()).isEqualTo("job-2");
            assertThat(alice.resolve(cars.fingerprint()).get(0).producer().jobId())
                    .isEqualTo("job-2");
            assertThatThrownBy(() -> alice.renewProduction(cars.ref(), "job-a"))
                    .isInstanceOfSatisfying(
                            ConflictException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(Errors.NOT_LEASE_HOLDER));
        }
    }

    @Test
    void declaredAndRetiredStreamsHaveNoLeaseToRenew() throws Exception {
        try (RegistryInstance r = start("_nolease")) {
            RegistryClient alice = r.client("alice");
            alice.create(Specs.raw("Video"));
            StreamDescriptor cars = alice.create(Specs.derived("Cars", "detect", "alice/Video"));
            assertThat(cars.lease()).isNull();
            assertThatThrownBy(() -> alice.renewProduction(cars.ref(), "job-a"))
                    .isInstanceOf(ConflictException.class);
            alice.setStatus(cars.ref(), StreamStatus.ACTIVE, new Producer("job-a", null));
            assertThat(alice.setStatus(cars.ref(), StreamStatus.RETIRED, null).lease()).isNull();
            assertThatThrownBy(() -> alice.renewProduction(cars.ref(), "job-a"))
                    .isInstanceOf(ConflictException.class);
        }
    }
}
