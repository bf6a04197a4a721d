package dev.flinkedge.scheduler.control;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.policy.KafkaPolicyProvider;
import dev.flinkedge.connectors.policy.PolicyPublisher;
import dev.flinkedge.kafka.KafkaClientConfig;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link PolicyStore} on the compacted policy topic: read through a {@link KafkaPolicyProvider},
 * written through a {@link PolicyPublisher}. A publish is acknowledged before the provider's
 * tailing thread reads it back, so the store answers with its own publish until the topic has a
 * version at least as new: the control loop's next period never decides from a stale policy.
 */
final class KafkaPolicyStore implements PolicyStore {

    private final KafkaPolicyProvider provider;
    private final PolicyPublisher publisher;
    private final Map<String, CameraPolicy> ownPublishes = new ConcurrentHashMap<>();

    private KafkaPolicyStore(KafkaPolicyProvider provider, PolicyPublisher publisher) {
        this.provider = provider;
        this.publisher = publisher;
    }

    static KafkaPolicyStore start(KafkaClientConfig kafka, String topic, Duration timeout)
            throws InterruptedException {
        PolicyPublisher publisher = PolicyPublisher.create(kafka, topic, timeout);
        try {
            return new KafkaPolicyStore(
                    KafkaPolicyProvider.start(kafka, topic, camera -> null, timeout), publisher);
        } catch (RuntimeException | InterruptedException e) {
            publisher.close();
            throw e;
        }
    }

    @Override
    public Optional<CameraPolicy> published(String cameraId) {
        Optional<CameraPolicy> fromTopic = provider.published(cameraId);
        CameraPolicy own = ownPublishes.get(cameraId);
        if (own == null) {
            return fromTopic;
        }
        return fromTopic.isPresent() && fromTopic.get().version() >= own.version()
                ? fromTopic
                : Optional.of(own);
    }

    @Override
    public Set<String> cameras() {
        Set<String> cameras = new TreeSet<>(provider.cameras());
        cameras.addAll(ownPublishes.keySet());
        return cameras;
    }

    @Override
    public void publish(CameraPolicy policy) throws InterruptedException {
        publisher.publish(policy);
        ownPublishes.put(policy.cameraId(), policy);
    }

    @Override
    public void close() {
        try {
            provider.close();
        } finally {
            publisher.close();
        }
    }
}
