package dev.flinkedge.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.errors.ConflictException;
import dev.flinkedge.registry.errors.Errors;
import dev.flinkedge.registry.errors.NotFoundException;
import dev.flinkedge.registry.errors.RegistryException;
import dev.flinkedge.registry.errors.RegistryUnavailableException;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.Subscription;
import dev.flinkedge.registry.testutil.RegistryInstance;
import dev.flinkedge.registry.testutil.Specs;
import dev.flinkedge.registry.testutil.Wait;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Durability, single-writer and lease semantics of the Kafka-backed store, on a real broker. */
class RegistryStoreITCase {

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    /** Builds a state worth restoring: streams of every type, statuses, grants, subscriptions. */
    static void populate(RegistryClient alice, RegistryClient bob) {
        StreamDescriptor video = alice.create(Specs.raw("Video", "cam-1", "cam-2"));
        StreamDescriptor cars = alice.create(Specs.derived("Cars", "detect", "alice/Video"));
        alice.setStatus(cars.ref(), StreamStatus.ACTIVE, new Producer("job-x", "edge-1"));
        alice.grant(cars.ref(), "bob");
        alice.grant(video.ref(), "bob");
        bob.subscribe(cars.ref(), "job-b", 600);
        StreamDescriptor plates = alice.create(Specs.derived("Plates", "recognise", "alice/Cars"));
        alice.setStatus(plates.ref(), StreamStatus.RETIRED, null);
        bob.create(Specs.derived("Attrs", "attributes", cars.fingerprint()));
        StreamDescriptor gone = alice.create(Specs.raw("Gone"));
        alice.delete(gone.ref(), false);
    }

    @Test
    void aRestartedInstanceRebuildsIdenticalState() throws Exception {
        List<StreamDescriptor> before;
        try (RegistryInstance first =
                RegistryInstance.start(KAFKA.bootstrapServers(), "_restart")) {
            populate(first.client("alice"), first.client("bob"));
            before = first.app().service().state().all();
        }
        assertThat(before).hasSize(4);
        try (RegistryInstance second =
                RegistryInstance.start(KAFKA.bootstrapServers(), "_restart")) {
            assertThat(second.app().service().state().all()).isEqualTo(before);
            RegistryClient bob = second.client("bob");
            StreamDescriptor cars = bob.describe(new StreamRef("alice", "Cars"));
            assertThat(cars.subscriptions()).hasSize(1);
            assertThat(cars.grants()).containsExactly("bob");
            assertThat(bob.resolve(cars.fingerprint())).containsExactly(cars);
            // The restarted instance is the writer.
            assertThat(second.client("alice").create(Specs.raw("After")).status())
                    .isEqualTo(StreamStatus.DECLARED);
        }
    }

    @Test
    void aSecondInstanceFencesTheFirstWhichThenRefusesWrites() throws Exception {
        try (RegistryInstance first = RegistryInstance.start(KAFKA.bootstrapServers(), "_fence")) {
            first.client("alice").create(Specs.raw("One"));
            try (RegistryInstance second =
                    RegistryInstance.start(KAFKA.bootstrapServers(), "_fence")) {
                assertThatThrownBy(() -> first.client("alice").create(Specs.raw("Two")))
                        .isInstanceOf(RegistryUnavailableException.class)
                        .hasMessageContaining("newer instance")
                        .extracting(e -> ((RegistryException) e).errorCode())
                        .isEqualTo(Errors.FENCED);
                assertThat(first.app().service().isFenced()).isTrue();

                second.client("alice").create(Specs.raw("Three"));
                // The fenced instance still tails the topic and serves reads.
                Wait.until(
                        () ->
                                first.app()
                                        .service()
                                        .state()
                                        .get(new StreamRef("alice", "Three"))
                                        .isPresent(),
                        Duration.ofSeconds(10),
                        "the fenced instance to see the new write");
                assertThat(names(second)).containsExactly("alice/One", "alice/Three");
                assertThat(names(first)).containsExactly("alice/One", "alice/Three");
            }
        }
    }

    private static List<String> names(RegistryInstance r) {
        return r.client("alice").list("alice", null).stream().map(d -> d.ref().toString()).toList();
    }

    @Test
    void concurrentCreatesOfOneFingerprintYieldExactlyOneStream() throws Exception {
        try (RegistryInstance r = RegistryInstance.start(KAFKA.bootstrapServers(), "_race")) {
            RegistryClient alice = r.client("alice");
            alice.create(Specs.raw("Video"));
            int clients = 8;
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<StreamDescriptor>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                RegistryClient c = r.client("alice");
                String name = "Cars" + i;
                Callable<StreamDescriptor> task =
                        () -> {
                            go.await();
                            StreamDescriptor d =
                                    c.create(Specs.derived(name, "detect", "alice/Video"));
                            return c.setStatus(
                                    d.ref(), StreamStatus.ACTIVE, new Producer(name, "e"));
                        };
                results.add(pool.submit(task));
            }
            go.countDown();
            List<StreamDescriptor> created = new ArrayList<>();
            List<ConflictException> conflicts = new ArrayList<>();
            for (Future<StreamDescriptor> f : results) {
                try {
                    created.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    conflicts.add((ConflictException) e.getCause());
                }
            }
            pool.shutdown();
            assertThat(created).hasSize(1);
            assertThat(conflicts).hasSize(clients - 1);
            StreamDescriptor winner = created.get(0);
            for (ConflictException c : conflicts) {
                assertThat(c.errorCode()).isEqualTo(Errors.FINGERPRINT_EXISTS);
                assertThat(c.existing())
                        .get()
                        .extracting(StreamDescriptor::ref)
                        .isEqualTo(winner.ref());
            }
            assertThat(alice.resolve(winner.fingerprint()))
                    .extracting(StreamDescriptor::ref)
                    .containsExactly(winner.ref());
        }
    }

    @Test
    void unrenewedLeasesExpireAndRenewedOnesLive() throws Exception {
        try (RegistryInstance r =
                RegistryInstance.start(
                        KAFKA.bootstrapServers(),
                        "_lease",
                        Map.of(RegistryConfig.LEASE_SWEEP_INTERVAL_MS, 100L))) {
            RegistryClient alice = r.client("alice");
            StreamDescriptor video = alice.create(Specs.raw("Video"));
            Subscription shortLease = alice.subscribe(video.ref(), "job-short", 1);
            Subscription kept = alice.subscribe(video.ref(), "job-kept", 2);
            assertThat(alice.describe(video.ref()).subscriptions()).hasSize(2);

            Wait.until(
                    () ->
                            alice.describe(video.ref()).subscriptions().size() == 1
                                    && r
                                            .app()
                                            .service()
                                            .state()
                                            .storedSubscriptions(video.ref())
                                            .stream()
                                            .noneMatch(s -> s.id().equals(shortLease.id())),
                    Duration.ofSeconds(10),
                    "the 1 s lease to expire and be swept");
            // Renewing keeps the other lease alive past its original expiry.
            Subscription renewed = alice.renew(video.ref(), kept.id());
            assertThat(renewed.expiresAtMs()).isGreaterThanOrEqualTo(kept.expiresAtMs());
            assertThat(alice.describe(video.ref()).subscriptions())
                    .extracting(Subscription::id)
                    .containsExactly(kept.id());
            assertThatThrownBy(() -> alice.renew(video.ref(), shortLease.id()))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void refusesATopicThatIsNotCompactedOrHasManyPartitions() throws Exception {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                KAFKA.bootstrapServers()))) {
            admin.createTopics(
                            List.of(
                                    new NewTopic("_wide", 3, (short) 1),
                                    new NewTopic("_deleting", 1, (short) 1)))
                    .all()
                    .get();
        }
        assertThatThrownBy(() -> RegistryInstance.start(KAFKA.bootstrapServers(), "_wide"))
                .hasMessageContaining("3 partitions");
        assertThatThrownBy(() -> RegistryInstance.start(KAFKA.bootstrapServers(), "_deleting"))
                .hasMessageContaining("cleanup.policy=delete");
    }
}
