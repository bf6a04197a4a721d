package dev.flinkedge.scheduler.control;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.kafka.KafkaClientConfig;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Where the control loop reads the published policies and publishes new ones. */
public interface PolicyStore extends AutoCloseable {

    /**
     * The newest published policy of {@code cameraId}, if any: this store's own publish when the
     * topic has not returned it yet.
     */
    Optional<CameraPolicy> published(String cameraId);

    /** The cameras with a published policy, this store's own publishes included, sorted. */
    Set<String> cameras();

    /** Publishes {@code policy}; returns once it is acknowledged. */
    void publish(CameraPolicy policy) throws InterruptedException;

    @Override
    void close();

    /**
     * The compacted policy topic (see {@link KafkaPolicyStore}).
     *
     * @param kafka how to reach the Kafka cluster
     * @param topic the policy topic
     * @param timeout how long to wait for Kafka on start and on each publish
     */
    static PolicyStore kafka(KafkaClientConfig kafka, String topic, Duration timeout)
            throws InterruptedException {
        return KafkaPolicyStore.start(kafka, topic, timeout);
    }
}
