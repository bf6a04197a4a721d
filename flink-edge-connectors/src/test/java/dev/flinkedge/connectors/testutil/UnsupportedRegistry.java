package dev.flinkedge.connectors.testutil;

import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.ProductionLease;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.model.Subscription;

import java.util.List;

/**
 * A registry fake that refuses every call; a test overrides the calls its subject may make, so an
 * unexpected call fails the test instead of returning a made-up answer.
 */
public abstract class UnsupportedRegistry implements StreamRegistry {

    @Override
    public String principal() {
        throw new UnsupportedOperationException("principal");
    }

    @Override
    public StreamDescriptor create(StreamSpec spec) {
        throw new UnsupportedOperationException("create");
    }

    @Override
    public List<StreamDescriptor> list(String owner, StreamType type) {
        throw new UnsupportedOperationException("list");
    }

    @Override
    public StreamDescriptor describe(StreamRef stream) {
        throw new UnsupportedOperationException("describe");
    }

    @Override
    public List<StreamDescriptor> resolve(String fingerprint) {
        throw new UnsupportedOperationException("resolve");
    }

    @Override
    public StreamDescriptor grant(StreamRef stream, String grantee) {
        throw new UnsupportedOperationException("grant");
    }

    @Override
    public void revoke(StreamRef stream, String grantee) {
        throw new UnsupportedOperationException("revoke");
    }

    @Override
    public Subscription subscribe(StreamRef stream, String jobId, int leaseSeconds) {
        throw new UnsupportedOperationException("subscribe");
    }

    @Override
    public Subscription renew(StreamRef stream, String subscriptionId) {
        throw new UnsupportedOperationException("renew");
    }

    @Override
    public void unsubscribe(StreamRef stream, String subscriptionId) {
        throw new UnsupportedOperationException("unsubscribe");
    }

    @Override
    public StreamDescriptor setStatus(StreamRef stream, StreamStatus status, Producer producer) {
        throw new UnsupportedOperationException("setStatus");
    }

    @Override
    public ProductionLease renewProduction(StreamRef stream, String jobId) {
        throw new UnsupportedOperationException("renewProduction");
    }

    @Override
    public void releaseProduction(StreamRef stream, String jobId) {
        throw new UnsupportedOperationException("releaseProduction");
    }

    @Override
    public void delete(StreamRef stream, boolean force) {
        throw new UnsupportedOperationException("delete");
    }
}
