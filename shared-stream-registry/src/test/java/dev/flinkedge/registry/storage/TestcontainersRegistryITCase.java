package dev.flinkedge.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.kafka.TestcontainersKafka;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.testutil.RegistryInstance;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.util.List;

/**
 * The restart scenario against a containerised Kafka broker instead of the in-process one, for
 * machines with Docker. Without a Docker engine the class is skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersRegistryITCase {

    @Test
    void restartRebuildsIdenticalStateOnAContainerBroker() throws Exception {
        try (TestcontainersKafka kafka = TestcontainersKafka.startOrSkip()) {
            List<StreamDescriptor> before;
            try (RegistryInstance first =
                    RegistryInstance.start(kafka.bootstrapServers(), "_streams_tc")) {
                RegistryStoreITCase.populate(first.client("alice"), first.client("bob"));
                before = first.app().service().state().all();
            }
            try (RegistryInstance second =
                    RegistryInstance.start(kafka.bootstrapServers(), "_streams_tc")) {
                assertThat(second.app().service().state().all()).isEqualTo(before).hasSize(4);
            }
        }
    }
}
