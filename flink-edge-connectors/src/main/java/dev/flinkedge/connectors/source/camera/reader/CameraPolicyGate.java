package dev.flinkedge.connectors.source.camera.reader;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.policy.PolicyProvider;
import dev.flinkedge.connectors.policy.PolicyRules;

import org.apache.flink.annotation.Internal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a camera decides which published policy it applies: the provider's current policy when it
 * fits the camera ({@link PolicyRules#rejection(CameraPolicy, double, int, int)}: a rate within the
 * camera's range, a size not above its native one), else the last one that fitted — at first the
 * native format. Each unfit policy version is counted once and logged once.
 */
@Internal
final class CameraPolicyGate {

    private static final Logger LOG = LoggerFactory.getLogger(CameraPolicyGate.class);

    private final String cameraId;
    private final NativeFormat nativeFormat;
    private final PolicyProvider policies;
    private final AtomicLong unfit;
    private CameraPolicy applied;
    private CameraPolicy lastUnfit;

    /**
     * @param unfit counts the unfit policy versions of every camera of the reader
     */
    CameraPolicyGate(
            String cameraId, NativeFormat nativeFormat, PolicyProvider policies, AtomicLong unfit) {
        this.cameraId = Objects.requireNonNull(cameraId);
        this.nativeFormat = Objects.requireNonNull(nativeFormat);
        this.policies = Objects.requireNonNull(policies);
        this.unfit = Objects.requireNonNull(unfit);
    }

    /** The policy the camera applies now. */
    CameraPolicy current() {
        CameraPolicy published = policies.current(cameraId);
        if (published.equals(applied)) {
            return applied;
        }
        if (published.equals(lastUnfit)) {
            return fallback();
        }
        Optional<String> rejection =
                PolicyRules.rejection(
                        published, nativeFormat.fps(), nativeFormat.width(), nativeFormat.height());
        if (rejection.isEmpty()) {
            applied = published;
            return applied;
        }
        lastUnfit = published;
        unfit.incrementAndGet();
        CameraPolicy kept = fallback();
        LOG.warn(
                "Camera '{}' ignores policy version {}: {}; it keeps {} fps at {}x{}",
                cameraId,
                published.version(),
                rejection.get(),
                kept.fps(),
                kept.width(),
                kept.height());
        return kept;
    }

    private CameraPolicy fallback() {
        return applied != null ? applied : nativeFormat.asPolicy(cameraId);
    }
}
