package dev.flinkedge.scheduler.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.registry.testutil.Wait;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

/** The store answers with its own publish at once, and with the topic's newer record later. */
class KafkaPolicyStoreITCase {

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void ownPublishesAreSeenAtOnceAndNewerTopicRecordsWin() throws Exception {
        KafkaClientConfig props = KafkaClientConfig.of(KAFKA.bootstrapServers());
        CameraPolicy v1 = CameraPolicy.of("cam-1", 2, 640, 360).withVersion(1);
        CameraPolicy v2 = CameraPolicy.of("cam-1", 1, 320, 180).withVersion(2);
        try (PolicyStore store = PolicyStore.kafka(props, "policies-store-it", TIMEOUT);
                PolicyStore other = PolicyStore.kafka(props, "policies-store-it", TIMEOUT)) {
            store.publish(v1);
            assertThat(store.published("cam-1")).contains(v1);
            assertThat(store.cameras()).containsExactly("cam-1");

            other.publish(v2);
            Wait.until(
                    () -> store.published("cam-1").orElseThrow().version() == 2,
                    TIMEOUT,
                    "the other store's newer publish to reach this one");
            assertThat(store.published("cam-1")).contains(v2);
        }
    }
}
