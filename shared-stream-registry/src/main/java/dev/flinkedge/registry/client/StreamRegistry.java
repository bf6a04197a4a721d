package dev.flinkedge.registry.client;

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
 * The registry as seen by one principal: every operation of the REST API, acting as that caller.
 * Implemented over HTTP by {@link RegistryClient} and in-process by the service's {@code as(owner)}
 * view; both throw the typed {@link dev.flinkedge.registry.errors.RegistryException}s of {@link
 * dev.flinkedge.registry.errors.Errors}.
 *
 * <pre>{@code
 * StreamRegistry a = RegistryClient.builder().url("http://localhost:8090").token(tokenA).build();
 * StreamDescriptor video = a.create(StreamSpec.builder("VideoStream", StreamType.RAW)
 *         .source(SourceSpec.devices(List.of("cam-1"))).build());
 * a.grant(video.ref(), "b");
 * }</pre>
 */
public interface StreamRegistry {

    /**
     * The compacted topic a registry keeps its state in unless configured otherwise; jobs tail it
     * to see grants and subscriptions as they change.
     */
    String DEFAULT_TOPIC = "_flinkedge_streams";

    /** The principal this view acts as. */
    String principal();

    /** Registers a stream owned by the caller; it starts DECLARED. */
    StreamDescriptor create(StreamSpec spec);

    /**
     * The streams the caller may read (own and granted), optionally filtered.
     *
     * @param owner only this owner's streams, or null for all
     * @param type only this type, or null for all
     */
    List<StreamDescriptor> list(String owner, StreamType type);

    /** One stream, if the caller may read it. */
    StreamDescriptor describe(StreamRef stream);

    /**
     * The streams with {@code fingerprint} the caller may reuse (ACTIVE with a live production
     * lease, see {@link StreamDescriptor#isReusableAt}), the caller's own first.
     */
    List<StreamDescriptor> resolve(String fingerprint);

    /** Lets {@code grantee} read the stream (owner only); returns the updated descriptor. */
    StreamDescriptor grant(StreamRef stream, String grantee);

    /** Takes the grant away (owner only) and ends the grantee's subscriptions. */
    void revoke(StreamRef stream, String grantee);

    /**
     * Takes a lease on the stream for a job.
     *
     * @param leaseSeconds lease length, or 0 for the registry's default
     */
    Subscription subscribe(StreamRef stream, String jobId, int leaseSeconds);

    /** Extends a live lease by its length from now. */
    Subscription renew(StreamRef stream, String subscriptionId);

    /** Ends a lease. */
    void unsubscribe(StreamRef stream, String subscriptionId);

    /**
     * Changes the stream's status (owner only).
     *
     * @param producer the producing job, required for ACTIVE
     */
    StreamDescriptor setStatus(StreamRef stream, StreamStatus status, Producer producer);

    /**
     * Extends the production lease {@code jobId} holds on the stream by its length from now (owner
     * only). A holder whose lease lapsed makes the stream ACTIVE again, unless another job has
     * produced it since. Throws a {@link dev.flinkedge.registry.errors.ConflictException} with code
     * {@link dev.flinkedge.registry.errors.Errors#NOT_LEASE_HOLDER} for any other job.
     *
     * @param jobId the producing job, the lease's holder
     * @return the renewed lease
     */
    ProductionLease renewProduction(StreamRef stream, String jobId);

    /**
     * Ends the production lease {@code jobId} holds (owner only): the stream becomes ORPHANED at
     * once. Same error as {@link #renewProduction} for a job that does not hold it.
     */
    void releaseProduction(StreamRef stream, String jobId);

    /**
     * Deletes the stream with its grants and subscriptions (owner only).
     *
     * @param force delete even while subscriptions are live
     */
    void delete(StreamRef stream, boolean force);
}
