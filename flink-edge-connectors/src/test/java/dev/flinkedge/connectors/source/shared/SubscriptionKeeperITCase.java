package dev.flinkedge.connectors.source.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.runtime.StreamGate;
import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.storage.RegistryConfig;
import dev.flinkedge.registry.testutil.RegistryInstance;
import dev.flinkedge.registry.testutil.Specs;
import dev.flinkedge.registry.testutil.Wait;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A registry that is down for longer than one renewal period but less than the lease: the keeper
 * retries, keeps its subscription (same id, never re-subscribed) and the tap's gate stays open
 * throughout, so data keeps flowing. Real broker, real registry stopped and restarted on its port.
 * And a stream that is retired or deleted under the keeper is reported as such, not as an error.
 */
class SubscriptionKeeperITCase {

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final String TOPIC = "_keeper";
    private static final int LEASE_SECONDS = 9;

    private RegistryInstance registry;

    @AfterEach
    void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void aRegistryOutageShorterThanTheLeaseKeepsTheSubscriptionAndTheGateOpen() throws Exception {
        registry = RegistryInstance.start(KAFKA.bootstrapServers(), TOPIC);
        URI uri = registry.app().uri();
        RegistryClient alice = registry.client("alice");
        StreamDescriptor video = alice.create(Specs.raw("Video", "cam-1"));
        StreamRef ref = video.ref();
        alice.grant(ref, "bob");
        RegistryClient bob =
                RegistryClient.builder()
                        .url(uri)
                        .token(RegistryInstance.token("bob"))
                        .timeout(Duration.ofSeconds(2))
                        .build();
        SubscriptionKeeper keeper = new SubscriptionKeeper(bob, ref, "job-b", LEASE_SECONDS);
        assertThat(keeper.keep()).isEqualTo(SubscriptionKeeper.Outcome.LIVE);
        String id = keeper.subscriptionId();

        try (StreamGate gate =
                StreamGate.open(KafkaClientConfig.of(KAFKA.bootstrapServers()), TOPIC, ref)) {
            Wait.until(gate::isOpen, Duration.ofSeconds(10), "the gate to open");

            registry.close();
            registry = null;
            // Longer than one renewal period (3 s), shorter than the lease (9 s).
            // The enumerator drives the keeper every tick; so does this loop.
            Set<SubscriptionKeeper.Outcome> seen = new HashSet<>();
            AtomicBoolean gateClosed = new AtomicBoolean();
            long downUntil = System.nanoTime() + Duration.ofMillis(4_500).toNanos();
            Wait.until(
                    () -> {
                        seen.add(keeper.keepIfDue());
                        gateClosed.compareAndSet(false, !gate.isOpen());
                        return System.nanoTime() > downUntil;
                    },
                    Duration.ofSeconds(10),
                    "the outage to last 4.5 s");
            assertThat(gateClosed).as("tap gate closed while the registry was down").isFalse();
            assertThat(seen).contains(SubscriptionKeeper.Outcome.UNAVAILABLE);
            assertThat(keeper.subscriptionId()).isEqualTo(id);

            registry =
                    RegistryInstance.start(
                            KAFKA.bootstrapServers(),
                            TOPIC,
                            Map.of(RegistryConfig.REST_PORT, uri.getPort()));
            Wait.until(
                    () -> {
                        gateClosed.compareAndSet(false, !gate.isOpen());
                        return keeper.keepIfDue() == SubscriptionKeeper.Outcome.LIVE;
                    },
                    Duration.ofSeconds(10),
                    "the lease to be renewed on the restarted registry");
            assertThat(gateClosed).as("tap gate closed before the renewal").isFalse();
            assertThat(keeper.subscriptionId()).as("the same subscription, renewed").isEqualTo(id);
            assertThat(gate.isOpen()).isTrue();
            assertThat(registry.client("alice").describe(ref).subscriptions())
                    .extracting(s -> s.id())
                    .containsExactly(id);
        }
    }

    @Test
    void aRetiredOrDeletedStreamIsReportedAsSuch() throws Exception {
        registry = RegistryInstance.start(KAFKA.bootstrapServers(), TOPIC + "-gone");
        RegistryClient alice = registry.client("alice");
        StreamRef retired = alice.create(Specs.raw("Retired", "cam-1")).ref();
        StreamRef deleted = alice.create(Specs.raw("Deleted", "cam-1")).ref();

        alice.setStatus(retired, StreamStatus.RETIRED, null);
        assertThat(new SubscriptionKeeper(alice, retired, "job-a", LEASE_SECONDS).keep())
                .isEqualTo(SubscriptionKeeper.Outcome.RETIRED);

        SubscriptionKeeper keeper = new SubscriptionKeeper(alice, deleted, "job-a", LEASE_SECONDS);
        assertThat(keeper.keep()).isEqualTo(SubscriptionKeeper.Outcome.LIVE);
        alice.delete(deleted, true);
        assertThat(keeper.keep()).isEqualTo(SubscriptionKeeper.Outcome.DELETED);
    }
}
