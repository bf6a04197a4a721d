package dev.flinkedge.scheduler.plan;

import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.ProductionLease;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.model.Subscription;
import dev.flinkedge.registry.service.StreamCreation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry as {@code flink-edge plan} sees it: reads go to the real registry, so reuse is
 * decided exactly as a submission would decide it now; {@code create} answers what the registry
 * would answer (a DECLARED stream with the same fingerprint, or the same refusals, by the
 * registry's own rules) but keeps the stream in memory; every other write is refused. Planning a
 * job therefore registers nothing.
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

    /**
     * Applies the registry's own rules ({@link StreamCreation}) to what the registry shows the
     * owner now plus the streams declared so far in this plan, and keeps the result in memory.
     */
    @Override
    public StreamDescriptor create(StreamSpec spec) {
        StreamDescriptor d =
                StreamCreation.declare(visibleStreams(), owner, spec, System.currentTimeMillis());
        declared.put(d.ref(), d);
        return d;
    }

    /**
     * The streams the owner may read, then those declared in this plan. Streams the owner may not
     * read are missing, so a parent among them is refused as unknown rather than as unreadable.
     */
    private StreamCreation.Streams visibleStreams() {
        Map<StreamRef, StreamDescriptor> streams = new HashMap<>();
        registry.list(null, null).forEach(d -> streams.put(d.ref(), d));
        streams.putAll(declared);
        return new StreamCreation.Streams() {
            @Override
            public Optional<StreamDescriptor> get(StreamRef ref) {
                return Optional.ofNullable(streams.get(ref));
            }

            @Override
            public List<StreamDescriptor> withFingerprint(String fingerprint) {
                return streams.values().stream()
                        .filter(d -> d.fingerprint().equals(fingerprint))
                        .toList();
            }

            @Override
            public List<StreamDescriptor> all() {
                return List.copyOf(streams.values());
            }
        };
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
    public ProductionLease renewProduction(StreamRef stream, String jobId) {
        throw refused("renew the production lease of " + stream);
    }

    @Override
    public void releaseProduction(StreamRef stream, String jobId) {
        throw refused("release the production lease of " + stream);
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
        return new IllegalStateException(
                "flink-edge plan only plans: it does not "
                        + what
                        + "; the job asked for a registry write while being defined");
    }
}
