package dev.flinkedge.connectors.policy;

import dev.flinkedge.connectors.model.CameraPolicy;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.util.Preconditions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A {@link PolicyProvider} whose policies are set by calling {@link #update} and {@link #remove}:
 * the view behind {@link KafkaPolicyProvider}, and a stand-in for it in tests and embedded setups.
 */
@PublicEvolving
public final class InMemoryPolicyProvider implements PolicyProvider {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryPolicyProvider.class);

    private final Function<String, CameraPolicy> defaults;
    private final Map<String, CameraPolicy> policies = new ConcurrentHashMap<>();
    private final List<PolicyListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param defaults the policy of a camera without a published one; may return null only if
     *     callers use {@link #published} instead of {@link #current}
     */
    public InMemoryPolicyProvider(Function<String, CameraPolicy> defaults) {
        this.defaults = Preconditions.checkNotNull(defaults, "defaults");
    }

    @Override
    public CameraPolicy current(String cameraId) {
        CameraPolicy published = policies.get(cameraId);
        if (published != null) {
            return published;
        }
        CameraPolicy fallback = defaults.apply(cameraId);
        if (fallback == null) {
            throw new IllegalStateException(
                    "No policy published for camera '" + cameraId + "' and no default for it");
        }
        return fallback;
    }

    @Override
    public Optional<CameraPolicy> published(String cameraId) {
        return Optional.ofNullable(policies.get(cameraId));
    }

    @Override
    public Set<String> cameras() {
        return Set.copyOf(policies.keySet());
    }

    /** Makes {@code policy} the newest policy of its camera and tells the listeners. */
    public void update(CameraPolicy policy) {
        CameraPolicy previous = policies.put(policy.cameraId(), policy);
        if (previous != null && previous.version() > policy.version()) {
            LOG.warn(
                    "Policy of camera '{}' went back from version {} to {}; applying the newer"
                            + " record anyway",
                    policy.cameraId(),
                    previous.version(),
                    policy.version());
        }
        if (!policy.equals(previous)) {
            notifyListeners(policy.cameraId(), policy);
        }
    }

    /** Withdraws the published policy of {@code cameraId}; it is back to its default. */
    public void remove(String cameraId) {
        if (policies.remove(cameraId) != null) {
            notifyListeners(cameraId, null);
        }
    }

    @Override
    public AutoCloseable addListener(PolicyListener listener) {
        Preconditions.checkNotNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        listeners.clear();
    }

    private void notifyListeners(String cameraId, CameraPolicy policy) {
        for (PolicyListener l : listeners) {
            try {
                l.onPolicyChange(cameraId, policy);
            } catch (RuntimeException e) {
                LOG.warn("Policy listener {} failed for camera '{}'", l, cameraId, e);
            }
        }
    }
}
