package dev.flinkedge.scheduler.control;

import dev.flinkedge.connectors.api.CameraPolicy;
import dev.flinkedge.connectors.policy.KafkaPolicyProvider;
import dev.flinkedge.connectors.policy.PolicyPublisher;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/** Where the control loop reads the published policies and publishes new ones. */
public interface PolicyStore extends AutoCloseable {

    /** The newest published policy of {@code cameraId}, if any. */
    Optional<CameraPolicy> published(String cameraId);

    /** The cameras with a published policy. */
    Set<String> cameras();

    /** Publishes {@code policy}; returns once it is acknowledged. */
    void publish(CameraPolicy policy) throws InterruptedException;

    @Override
    void close();

    /**
     * The compacted policy topic: read through a {@link KafkaPolicyProvider}, written through a
     * {@link PolicyPublisher}.
     *
     * @param clientProps Kafka client properties, at least {@code bootstrap.servers}
     * @param topic the policy topic
     * @param timeout how long to wait for Kafka on start and on each publish
     */
    static PolicyStore kafka(Properties clientProps, String topic, Duration timeout)
            throws InterruptedException {
        PolicyPublisher publisher = PolicyPublisher.create(clientProps, topic, timeout);
        KafkaPolicyProvider provider;
        try {
            provider = KafkaPolicyProvider.start(clientProps, topic, camera -> null, timeout);
        } catch (RuntimeException | InterruptedException e) {
            publisher.close();
            throw e;
        }
        return new PolicyStore() {
            @Override
            public Optional<CameraPolicy> published(String cameraId) {
                return provider.published(cameraId);
            }

            @Override
            public Set<String> cameras() {
                return provider.cameras();
            }

            @Override
            public void publish(CameraPolicy policy) throws InterruptedException {
                publisher.publish(policy);
            }

            @Override
            public void close() {
                try {
                    provider.close();
                } finally {
                    publisher.close();
                }
            }
        };
    }
}
