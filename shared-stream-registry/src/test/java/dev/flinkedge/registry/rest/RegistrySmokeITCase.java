package dev.flinkedge.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.testutil.RegistryInstance;
import dev.flinkedge.registry.testutil.Specs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegistrySmokeITCase {

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @Test
    void createAndDescribe() throws Exception {
        try (RegistryInstance r = RegistryInstance.start(KAFKA.bootstrapServers(), "_smoke")) {
            RegistryClient alice = r.client("alice");
            StreamDescriptor video = alice.create(Specs.raw("VideoStream"));
            assertThat(video.status()).isEqualTo(StreamStatus.DECLARED);
            assertThat(video.topic()).isEqualTo("flinkedge.alice.VideoStream");
            StreamDescriptor cars =
                    alice.create(Specs.derived("Cars", "detect", "alice/VideoStream"));
            assertThat(cars.lineage().parents()).containsExactly(video.fingerprint());
            assertThat(alice.describe(cars.ref())).isEqualTo(cars);
        }
    }
}
