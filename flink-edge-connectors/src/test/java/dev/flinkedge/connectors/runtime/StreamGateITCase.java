package dev.flinkedge.connectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.Subscription;
import dev.flinkedge.registry.testutil.RegistryInstance;
import dev.flinkedge.registry.testutil.Specs;
import dev.flinkedge.registry.testutil.Wait;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

/**
 * A tap's gate against a real registry log: it follows the registry's decisions, not its own clock,
 * so a registry that is down cannot close it by failing to take renewals.
 */
class StreamGateITCase {

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final String TOPIC = "_gate";

    @Test
    void staysOpenWhileTheRegistryIsDownAndClosesWhenItsSweepEndsTheSubscription()
            throws Exception {
        StreamRef video = new StreamRef("alice", "Video");
        RegistryInstance registry = RegistryInstance.start(KAFKA.bootstrapServers(), TOPIC);
        Subscription sub;
        try {
            registry.client("alice").create(Specs.raw("Video", "cam-1"));
            sub = registry.client("alice").subscribe(video, "reader-job", 1);
        } finally {
            registry.close();
        }
        try (StreamGate gate =
                StreamGate.open(KafkaClientConfig.of(KAFKA.bootstrapServers()), TOPIC, video)) {
            Wait.until(gate::isOpen, Duration.ofSeconds(30), "the gate to see the subscription");

            // The registry is down: nobody can renew, and nobody ends the subscription either.
            long expired = sub.expiresAtMs() + 2_000;
            Wait.until(
                    () -> System.currentTimeMillis() > expired,
                    Duration.ofSeconds(10),
                    "the subscription's lease to be 2 s past its end");
            assertThat(gate.isOpen()).as("gate while the registry is down").isTrue();

            // Back, the registry gives the reader one lease to renew; it never does.
            try (RegistryInstance back = RegistryInstance.start(KAFKA.bootstrapServers(), TOPIC)) {
                Wait.until(
                        () -> !gate.isOpen(),
                        Duration.ofSeconds(30),
                        "the registry's sweep to end the subscription and close the gate");
            }
        }
    }
}
