package dev.flinkedge.scheduler.plan;

import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.errors.Errors;
import dev.flinkedge.registry.errors.NotFoundException;
import dev.flinkedge.registry.model.LineageFingerprint;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.model.Subscription;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The registry as {@code flink-edge plan} sees it: reads go to the real registry, so reuse is
 * decided exactly as a submission would decide it now; {@code create} answers what the registry
 * would answer (a DECLARED stream, or the same conflicts) but keeps the stream in memory; every
 * other write is refused. Planning a job therefore registers nothing.
 */
public final class DryRunRegistry implements StreamRegistry {

    private final StreamRegistry registry;
    private final String owner;
    private final Map<StreamRef, StreamDescriptor> declared = new HashMap<>();

    /**
     * @param registry the real registry, acting as {@code owner}
     * @param owner the principal of {@code registry}'s token
     */
    public DryRunRegistry(StreamRegistry registry, String owner) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    @Override
    public String principal() {
        return owner;
    }

    @Override
    public StreamDescriptor create(StreamSpec spec) {
        StreamRef ref = new StreamRef(owner, spec.name());
        StreamDescriptor existing = declared.get(ref);
        if (existing == null) {
            try {
                existing = registry.describe(ref);
            } catch (NotFoundException absent) {
                existing = null;
            }
        }
        if (existing != null) {
            throw Errors.streamExists(existing);
        }
        String fingerprint = spec.type() == StreamType.DERIVED
                ? LineageFingerprint.ofDerived(spec.lineage(), spec.window(), spec.serializer())
                : LineageFingerprint.ofSource(owner, spec.name());
        for (StreamDescriptor other : registry.list(owner, spec.type())) {
            if (other.fingerprint().equals(fingerprint) && other.status().isLive()) {
                throw Errors.fingerprintExists(other);
            }
        }
        long now = System.currentTimeMillis();
        StreamDescriptor d = new StreamDescriptor(owner, spec.name(), spec.type(), spec.window(),
                spec.serializer(), spec.payloadType(), spec.guarantee(), spec.lineage(),
                spec.source(), spec.durable(), spec.partitions(), StreamStatus.DECLARED, null,
                StreamDescriptor.topicFor(owner, spec.name()), fingerprint, List.of(), List.of(),
                now, now);
        declared.put(ref, d);
        return d;
    }

    @Override
    public List<StreamDescriptor> list(String owner, StreamType type) {
        return registry.list(owner, type);
    }

    @Override
    public StreamDescriptor describe(StreamRef stream) {
        StreamDescriptor d = declared.get(stream);
        return d != null ? d : registry.describe(stream);
    }

    @Override
    public List<StreamDescriptor> resolve(String fingerprint) {
        return registry.resolve(fingerprint);
    }

    @Override
    public StreamDescriptor grant(StreamRef stream, String grantee) {
        throw refused("grant " + stream + " to " + grantee);
    }

    @Override
    public void revoke(StreamRef stream, String grantee) {
        throw refused("revoke " + stream + " from " + grantee);
    }

    @Override
    public Subscription subscribe(StreamRef stream, String jobId, int leaseSeconds) {
        throw refused("subscribe to " + stream);
    }

    @Override
    public Subscription renew(StreamRef stream, String subscriptionId) {
        throw refused("renew a subscription to " + stream);
    }

    @Override
    public void unsubscribe(StreamRef stream, String subscriptionId) {
        throw refused("unsubscribe from " + stream);
    }

    @Override
    public StreamDescriptor setStatus(StreamRef stream, StreamStatus status, Producer producer) {
        throw refused("mark " + stream + " " + status);
    }

    @Override
    public void delete(StreamRef stream, boolean force) {
        throw refused("delete " + stream);
    }

    private static IllegalStateException refused(String what) {
        return new IllegalStateException("flink-edge plan only plans: it does not " + what
                + "; the job asked for a registry write while being defined");
    }
}
