package dev.flinkedge.connectors.policy;

import dev.flinkedge.connectors.model.CameraPolicy;

import org.apache.flink.annotation.PublicEvolving;

import java.util.Optional;
import java.util.Set;

/**
 * Knows the current {@link CameraPolicy} of every camera: the newest published one, or a default
 * for cameras without one. Camera sources ask it before capturing each frame; the scheduler
 * publishes through {@link PolicyPublisher}. Implementations are thread-safe.
 *
 * <pre>{@code
 * try (PolicyProvider policies = KafkaPolicyProvider.start(kafka, topic, defaults, timeout)) {
 *     CameraPolicy p = policies.current("cam-1");
 * }
 * }</pre>
 */
@PublicEvolving
public interface PolicyProvider extends AutoCloseable {

    /**
     * The policy {@code cameraId} should follow now.
     *
     * @param cameraId the camera
     * @return the newest published policy, else the provider's default for the camera
     */
    CameraPolicy current(String cameraId);

    /**
     * The newest published policy of {@code cameraId}, if any.
     *
     * @param cameraId the camera
     * @return the policy, or empty when none was published (or it was withdrawn)
     */
    Optional<CameraPolicy> published(String cameraId);

    /**
     * The cameras with a published policy now.
     *
     * @return their ids, a snapshot
     */
    Set<String> cameras();

    /**
     * Registers a listener for later changes.
     *
     * @param listener called on every change after this call
     * @return closing it removes the listener
     */
    AutoCloseable addListener(PolicyListener listener);

    /**
     * Published policies this provider ignored: unreadable, or breaking {@link PolicyRules}. A
     * camera source reports it as its {@code policiesRejected} metric.
     *
     * @return the count so far; 0 for providers that check nothing
     */
    default long policiesRejected() {
        return 0;
    }

    /** Stops following policy changes; idempotent. */
    @Override
    void close();
}
