package dev.flinkedge.registry.service;

import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.errors.Errors;
import dev.flinkedge.registry.errors.RegistryException;
import dev.flinkedge.registry.model.InvalidFieldException;
import dev.flinkedge.registry.model.Names;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.ProductionLease;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.model.Subscription;
import dev.flinkedge.registry.storage.GrantRecord;
import dev.flinkedge.registry.storage.KafkaRegistryStore;
import dev.flinkedge.registry.storage.Mutation;
import dev.flinkedge.registry.storage.Mutation.Outcome;
import dev.flinkedge.registry.storage.RegistryConfig;
import dev.flinkedge.registry.storage.RegistryKey;
import dev.flinkedge.registry.storage.RegistryState;
import dev.flinkedge.registry.storage.StoreEntry;
import dev.flinkedge.registry.storage.StoreHealth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The registry's rules: who may do what, how lineages resolve to fingerprints, which streams
 * conflict, how leases expire. Reads come from the store's view; every change is a {@link Mutation}
 * on the store's writer thread, so each rule is checked against the state the write applies to.
 */
public final class RegistryService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryService.class);

    private final KafkaRegistryStore store;
    private final LongSupplier clock;
    private final int defaultLease;
    private final int maxLease;
    private final long sweepIntervalMs;
    private final int productionLease;
    private final ScheduledExecutorService sweeper;

    /** Whether the last sweep failed; only the sweeper thread reads or sets it. */
    private boolean sweepFailing;

    /** When {@link #start()} finished, a start of the production leases' grace; or -1. */
    private volatile long startedAtMs = -1;

    /**
     * When a write last found Kafka unreachable (error 50303), also a start of the production
     * leases' grace; or -1.
     */
    private volatile long storeUnavailableAtMs = -1;

    public RegistryService(KafkaRegistryStore store, RegistryConfig config, LongSupplier clock) {
        this.store = store;
        this.clock = clock;
        this.defaultLease = config.getInt(RegistryConfig.LEASE_DEFAULT_SECONDS);
        this.maxLease = config.getInt(RegistryConfig.LEASE_MAX_SECONDS);
        this.sweepIntervalMs = config.getLong(RegistryConfig.LEASE_SWEEP_INTERVAL_MS);
        this.productionLease = config.getInt(RegistryConfig.PRODUCTION_LEASE_SECONDS);
        this.sweeper =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "registry-lease-sweeper");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Starts the store and the lease sweeper. */
    public void start() throws InterruptedException {
        store.start();
        startedAtMs = clock.getAsLong();
        sweeper.scheduleWithFixedDelay(
                this::sweepExpiredLeases, sweepIntervalMs, sweepIntervalMs, TimeUnit.MILLISECONDS);
    }

    /** The store's view, for watchers and diagnostics. */
    public RegistryState state() {
        return store.state();
    }

    /** The store's health (Kafka reachable, log reader alive), for {@code GET /v1/health}. */
    public StoreHealth health() throws InterruptedException {
        return store.health();
    }

    /** Whether this instance lost the writer role. */
    public boolean isFenced() {
        return store.isFenced();
    }

    /** A view of the registry acting as {@code principal}. */
    public StreamRegistry as(String principal) {
        Names.checkOwner("principal", principal);
        return new CallerView(principal);
    }

    // ---------------------------------------------------------------- reads

    List<StreamDescriptor> list(String caller, String owner, StreamType type) {
        List<StreamDescriptor> out = new ArrayList<>();
        for (StreamDescriptor d : store.state().all()) {
            if (d.isReadableBy(caller)
                    && (owner == null || owner.equals(d.owner()))
                    && (type == null || type == d.type())) {
                out.add(d);
            }
        }
        return out;
    }

    StreamDescriptor describe(String caller, StreamRef ref) {
        return requireReadable(store.state(), caller, ref);
    }

    List<StreamDescriptor> resolve(String caller, String fingerprint) {
        try {
            Names.checkFingerprint("fingerprint", fingerprint);
        } catch (InvalidFieldException e) {
            throw Errors.invalidField(e.getMessage());
        }
        long now = clock.getAsLong();
        List<StreamDescriptor> out = new ArrayList<>();
        for (StreamDescriptor d : store.state().withFingerprint(fingerprint)) {
            if (d.isReusableAt(now) && d.isReadableBy(caller)) {
                out.add(d);
            }
        }
        if (out.isEmpty()) {
            throw Errors.fingerprintNotFound(fingerprint);
        }
        out.sort(
                Comparator.comparing((StreamDescriptor d) -> !d.owner().equals(caller))
                        .thenComparing(StreamDescriptor::ref));
        return out;
    }

    // ---------------------------------------------------------------- writes

    StreamDescriptor create(String caller, StreamSpec spec) {
        StreamRef ref = new StreamRef(caller, spec.name());
        Set<String> locks = new HashSet<>();
        locks.add("stream:" + ref);
        String guess = guessFingerprint(caller, spec);
        locks.add("fp:" + caller + ":" + (guess == null ? "unresolved" : guess));
        return execute(
                new Mutation<StreamDescriptor>() {
                    @Override
                    public Set<String> locks() {
                        return locks;
                    }

                    @Override
                    public Outcome<StreamDescriptor> plan(RegistryState state, long now) {
                        return planCreate(state, now, caller, ref, spec);
                    }
                });
    }

    private String guessFingerprint(String caller, StreamSpec spec) {
        try {
            return StreamCreation.fingerprint(
                    caller,
                    spec,
                    StreamCreation.resolveLineage(
                            view(store.state()),
                            caller,
                            new StreamRef(caller, spec.name()),
                            spec.lineage()));
        } catch (RegistryException e) {
            return null;
        }
    }

    private Outcome<StreamDescriptor> planCreate(
            RegistryState state, long now, String caller, StreamRef ref, StreamSpec spec) {
        StreamDescriptor d = StreamCreation.declare(view(state), caller, spec, now);
        return new Outcome<>(
                List.of(StoreEntry.put(RegistryKey.stream(ref), d)),
                s ->
                        s.get(ref)
                                .orElseThrow(
                                        () -> Errors.internal("created stream vanished", null)));
    }

    private static StreamCreation.Streams view(RegistryState state) {
        return new StreamCreation.Streams() {
            @Override
            public Optional<StreamDescriptor> get(StreamRef ref) {
                return state.get(ref);
            }

            @Override
            public List<StreamDescriptor> withFingerprint(String fingerprint) {
                return state.withFingerprint(fingerprint);
            }

            @Override
            public List<StreamDescriptor> all() {
                return state.all();
            }
        };
    }

    StreamDescriptor grant(String caller, StreamRef ref, String grantee) {
        return execute(
                exclusive(
                        (state, now) -> {
                            StreamDescriptor d =
                                    requireOwned(state, caller, ref, "grant access to");
                            checkGrantee(caller, grantee);
                            return new Outcome<>(
                                    List.of(
                                            StoreEntry.put(
                                                    RegistryKey.grant(ref, grantee),
                                                    new GrantRecord(caller, now))),
                                    s -> s.get(ref).orElse(d));
                        }));
    }

    void revoke(String caller, StreamRef ref, String grantee) {
        execute(
                exclusive(
                        (state, now) -> {
                            requireOwned(state, caller, ref, "revoke access to");
                            if (!state.grantees(ref).contains(grantee)) {
                                throw Errors.grantNotFound(ref, grantee);
                            }
                            List<StoreEntry> writes = new ArrayList<>();
                            writes.add(StoreEntry.delete(RegistryKey.grant(ref, grantee)));
                            // Revocation ends the grantee's leases so that the tap stops writing
                            // for them.
                            for (Subscription s : state.storedSubscriptions(ref)) {
                                if (s.subscriber().equals(grantee)) {
                                    writes.add(
                                            StoreEntry.delete(
                                                    RegistryKey.subscription(ref, s.id())));
                                }
                            }
                            return new Outcome<>(writes, s -> null);
                        }));
    }

    private static void checkGrantee(String owner, String grantee) {
        try {
            Names.checkOwner("grantee", grantee);
        } catch (InvalidFieldException e) {
            throw Errors.invalidField(e.getMessage());
        }
        if (grantee.equals(owner)) {
            throw Errors.invalidField(
                    "Invalid field 'grantee': '" + grantee + "' owns the stream already");
        }
    }

    Subscription subscribe(String caller, StreamRef ref, String jobId, int leaseSeconds) {
        checkJobId(jobId);
        int lease = leaseSeconds <= 0 ? defaultLease : leaseSeconds;
        if (lease > maxLease) {
            throw Errors.invalidField(
                    "Invalid field 'leaseSeconds': "
                            + lease
                            + " exceeds the maximum of "
                            + maxLease
                            + "; renew shorter leases instead");
        }
        String id = UUID.randomUUID().toString();
        return execute(
                new Mutation<Subscription>() {
                    @Override
                    public Set<String> locks() {
                        return Set.of("sub:" + ref + "/" + id);
                    }

                    @Override
                    public Outcome<Subscription> plan(RegistryState state, long now) {
                        StreamDescriptor d = requireReadable(state, caller, ref);
                        if (d.status() == StreamStatus.RETIRED) {
                            throw Errors.illegalStatus(
                                    d,
                                    "Stream "
                                            + ref
                                            + " is RETIRED; it will not be"
                                            + " produced again and cannot be subscribed to");
                        }
                        Subscription s =
                                new Subscription(id, jobId, caller, lease, now + lease * 1000L);
                        return new Outcome<>(
                                List.of(StoreEntry.put(RegistryKey.subscription(ref, id), s)),
                                st -> s);
                    }
                });
    }

    Subscription renew(String caller, StreamRef ref, String id) {
        return execute(
                new Mutation<Subscription>() {
                    @Override
                    public Set<String> locks() {
                        return Set.of("sub:" + ref + "/" + id);
                    }

                    @Override
                    public Outcome<Subscription> plan(RegistryState state, long now) {
                        Subscription s = requireSubscription(state, caller, ref, id, now);
                        Subscription renewed =
                                new Subscription(
                                        s.id(),
                                        s.jobId(),
                                        s.subscriber(),
                                        s.leaseSeconds(),
                                        now + s.leaseSeconds() * 1000L);
                        return new Outcome<>(
                                List.of(StoreEntry.put(RegistryKey.subscription(ref, id), renewed)),
                                st -> renewed);
                    }
                });
    }

    void unsubscribe(String caller, StreamRef ref, String id) {
        execute(
                new Mutation<Void>() {
                    @Override
                    public Set<String> locks() {
                        return Set.of("sub:" + ref + "/" + id);
                    }

                    @Override
                    public Outcome<Void> plan(RegistryState state, long now) {
                        requireSubscription(state, caller, ref, id, now);
                        return new Outcome<>(
                                List.of(StoreEntry.delete(RegistryKey.subscription(ref, id))),
                                st -> null);
                    }
                });
    }

    private static Subscription requireSubscription(
            RegistryState state, String caller, StreamRef ref, String id, long now) {
        requireReadable(state, caller, ref);
        Subscription s =
                state.storedSubscriptions(ref).stream()
                        .filter(x -> x.id().equals(id) && x.isLiveAt(now))
                        .findFirst()
                        .orElseThrow(() -> Errors.subscriptionNotFound(ref, id));
        if (!s.subscriber().equals(caller) && !ref.owner().equals(caller)) {
            throw Errors.notOwner(caller, ref, "change another principal's subscription to");
        }
        return s;
    }

    StreamDescriptor setStatus(
            String caller, StreamRef ref, StreamStatus status, Producer producer) {
        if (status == null) {
            throw Errors.invalidField("Invalid field 'status': is required");
        }
        return execute(
                exclusive(
                        (state, now) -> {
                            StreamDescriptor d =
                                    requireOwned(state, caller, ref, "change the status of");
                            Producer next = nextProducer(d, status, producer);
                            ProductionLease lease = nextLease(d, status, next, now);
                            StreamDescriptor updated = stored(d, status, next, lease, now);
                            return new Outcome<>(
                                    List.of(StoreEntry.put(RegistryKey.stream(ref), updated)),
                                    s -> s.get(ref).orElse(updated));
                        }));
    }

    /**
     * The production lease after a status change: ACTIVE grants a fresh one to the producer (and
     * refuses while another job's lease is live), ORPHANED keeps the last one, lapsed, for humans
     * and host jobs, DECLARED and RETIRED have none.
     */
    private ProductionLease nextLease(
            StreamDescriptor d, StreamStatus to, Producer producer, long now) {
        ProductionLease current = d.lease();
        return switch (to) {
            case ACTIVE -> {
                if (d.status() == StreamStatus.ACTIVE
                        && current != null
                        && current.isLiveAt(now)
                        && !current.isHeldBy(producer.jobId())) {
                    throw Errors.notLeaseHolder(d, producer.jobId());
                }
                yield new ProductionLease(
                        producer.jobId(),
                        producer.site(),
                        productionLease,
                        now + productionLease * 1000L);
            }
            case ORPHANED -> current == null ? null : lapsed(current, now);
            case DECLARED, RETIRED -> null;
        };
    }

    private static ProductionLease lapsed(ProductionLease lease, long now) {
        return lease.isLiveAt(now)
                ? new ProductionLease(lease.jobId(), lease.site(), lease.leaseSeconds(), now)
                : lease;
    }

    /** The stream record to store: {@code d} with a new status, producer and lease. */
    private static StreamDescriptor stored(
            StreamDescriptor d,
            StreamStatus status,
            Producer producer,
            ProductionLease lease,
            long updatedAtMs) {
        return new StreamDescriptor(
                d.owner(),
                d.name(),
                d.type(),
                d.window(),
                d.serializer(),
                d.payloadType(),
                d.guarantee(),
                d.lineage(),
                d.source(),
                d.durable(),
                d.partitions(),
                status,
                producer,
                d.topic(),
                d.fingerprint(),
                // Grants and subscriptions are records of their own; the view composes them.
                List.of(),
                List.of(),
                d.createdAtMs(),
                updatedAtMs,
                lease);
    }

    ProductionLease renewProduction(String caller, StreamRef ref, String jobId) {
        checkJobId(jobId);
        return execute(
                new Mutation<ProductionLease>() {
                    @Override
                    public Set<String> locks() {
                        return Set.of("stream:" + ref);
                    }

                    @Override
                    public Outcome<ProductionLease> plan(RegistryState state, long now) {
                        StreamDescriptor d =
                                requireOwned(state, caller, ref, "renew the production lease of");
                        ProductionLease l = requireLeaseHolder(d, jobId);
                        ProductionLease renewed =
                                new ProductionLease(
                                        l.jobId(),
                                        l.site(),
                                        l.leaseSeconds(),
                                        now + l.leaseSeconds() * 1000L);
                        // The holder renewing a lapsed lease (it lost the registry for a while, and
                        // no other producer took over) produces the stream again.
                        Producer producer =
                                d.producer() != null ? d.producer() : new Producer(jobId, l.site());
                        StreamDescriptor updated =
                                d.status() == StreamStatus.ACTIVE
                                        ? stored(d, d.status(), producer, renewed, d.updatedAtMs())
                                        : stored(d, StreamStatus.ACTIVE, producer, renewed, now);
                        if (d.status() != StreamStatus.ACTIVE) {
                            LOG.info(
                                    "Job {} renewed its lapsed lease: {} is ACTIVE again",
                                    jobId,
                                    ref);
                        }
                        return new Outcome<>(
                                List.of(StoreEntry.put(RegistryKey.stream(ref), updated)),
                                st -> renewed);
                    }
                });
    }

    void releaseProduction(String caller, StreamRef ref, String jobId) {
        checkJobId(jobId);
        execute(
                new Mutation<Void>() {
                    @Override
                    public Set<String> locks() {
                        return Set.of("stream:" + ref);
                    }

                    @Override
                    public Outcome<Void> plan(RegistryState state, long now) {
                        StreamDescriptor d =
                                requireOwned(state, caller, ref, "release the production lease of");
                        ProductionLease l = requireLeaseHolder(d, jobId);
                        StreamDescriptor updated =
                                stored(d, StreamStatus.ORPHANED, d.producer(), lapsed(l, now), now);
                        return new Outcome<>(
                                List.of(StoreEntry.put(RegistryKey.stream(ref), updated)),
                                st -> null);
                    }
                });
    }

    /**
     * The lease {@code jobId} holds on {@code d}: it names the job, and the stream is still
     * produced by it (ACTIVE) or by nobody since (ORPHANED).
     */
    private static ProductionLease requireLeaseHolder(StreamDescriptor d, String jobId) {
        ProductionLease l = d.lease();
        boolean produced = d.status() == StreamStatus.ACTIVE || d.status() == StreamStatus.ORPHANED;
        if (l == null || !produced || !l.isHeldBy(jobId)) {
            throw Errors.notLeaseHolder(d, jobId);
        }
        return l;
    }

    private static void checkJobId(String jobId) {
        if (jobId == null || jobId.isBlank() || jobId.length() > 128) {
            throw Errors.invalidField("Invalid field 'jobId': required, at most 128 characters");
        }
    }

    private static Producer nextProducer(StreamDescriptor d, StreamStatus to, Producer producer) {
        if (d.status() == StreamStatus.RETIRED && to != StreamStatus.RETIRED) {
            throw Errors.illegalStatus(
                    d,
                    "Stream "
                            + d.ref()
                            + " is RETIRED; create a new stream"
                            + " instead of reviving it");
        }
        return switch (to) {
            case ACTIVE -> {
                if (producer == null) {
                    throw Errors.invalidField(
                            "Invalid field 'producer': an ACTIVE stream needs"
                                    + " its producer {jobId, site}");
                }
                yield producer;
            }
            // An orphaned stream remembers who produced it last, for the host job and for humans.
            case ORPHANED -> producer != null ? producer : d.producer();
            case DECLARED, RETIRED -> null;
        };
    }

    void delete(String caller, StreamRef ref, boolean force) {
        execute(
                exclusive(
                        (state, now) -> {
                            StreamDescriptor d = requireOwned(state, caller, ref, "delete");
                            if (!force && !d.subscriptions().isEmpty()) {
                                throw Errors.liveSubscriptions(d, d.subscriptions().size());
                            }
                            List<StoreEntry> writes = new ArrayList<>();
                            for (Subscription s : state.storedSubscriptions(ref)) {
                                writes.add(
                                        StoreEntry.delete(RegistryKey.subscription(ref, s.id())));
                            }
                            for (String g : state.grantees(ref)) {
                                writes.add(StoreEntry.delete(RegistryKey.grant(ref, g)));
                            }
                            writes.add(StoreEntry.delete(RegistryKey.stream(ref)));
                            return new Outcome<>(writes, s -> null);
                        }));
    }

    private void sweepExpiredLeases() {
        if (store.isFenced()) {
            return;
        }
        sweepLapsedProductions();
        long now = clock.getAsLong();
        boolean any =
                store.state().allStoredSubscriptions().values().stream()
                        .flatMap(List::stream)
                        .anyMatch(s -> isExpiredSubscription(s, now));
        if (!any) {
            return;
        }
        try {
            int n =
                    execute(
                            exclusive(
                                    (state, at) -> {
                                        List<StoreEntry> writes = new ArrayList<>();
                                        for (Map.Entry<StreamRef, List<Subscription>> e :
                                                state.allStoredSubscriptions().entrySet()) {
                                            for (Subscription s : e.getValue()) {
                                                if (isExpiredSubscription(s, at)) {
                                                    writes.add(
                                                            StoreEntry.delete(
                                                                    RegistryKey.subscription(
                                                                            e.getKey(), s.id())));
                                                }
                                            }
                                        }
                                        int count = writes.size();
                                        return new Outcome<>(writes, s -> count);
                                    }));
            LOG.info("Expired {} subscription lease(s)", n);
            sweepFailing = false;
        } catch (RegistryException e) {
            // Once per outage: while Kafka is unreachable every sweep fails the same way.
            if (!sweepFailing) {
                LOG.warn("Lease sweep failed, will retry: {}", e.getMessage());
            }
            sweepFailing = true;
        }
    }

    /**
     * Marks ORPHANED every ACTIVE stream whose producer's lease lapsed (or that has none), except
     * during the grace after a start or a Kafka outage. Its own writes during an outage fail and so
     * extend the grace, like the producers' failed renewals do.
     */
    private void sweepLapsedProductions() {
        long now = clock.getAsLong();
        if (store.state().all().stream().noneMatch(d -> isLapsedProduction(d, now))) {
            return;
        }
        try {
            List<StreamRef> orphaned =
                    execute(
                            exclusive(
                                    (state, at) -> {
                                        List<StoreEntry> writes = new ArrayList<>();
                                        List<StreamRef> refs = new ArrayList<>();
                                        for (StreamDescriptor d : state.all()) {
                                            if (isLapsedProduction(d, at)) {
                                                ProductionLease l = d.lease();
                                                writes.add(
                                                        StoreEntry.put(
                                                                RegistryKey.stream(d.ref()),
                                                                stored(
                                                                        d,
                                                                        StreamStatus.ORPHANED,
                                                                        d.producer(),
                                                                        l == null
                                                                                ? null
                                                                                : lapsed(l, at),
                                                                        at)));
                                                refs.add(d.ref());
                                            }
                                        }
                                        return new Outcome<>(writes, s -> refs);
                                    }));
            LOG.info("Production lease lapsed, now ORPHANED: {}", orphaned);
        } catch (RegistryException e) {
            LOG.warn("Production lease sweep failed, will retry: {}", e.getMessage());
        }
    }

    private boolean isLapsedProduction(StreamDescriptor d, long now) {
        return d.status() == StreamStatus.ACTIVE && !d.isReusableAt(now) && !inGrace(d, now);
    }

    /**
     * Whether {@code d}'s producer still has time to renew: nobody could renew while the registry
     * or its Kafka was unreachable, so each producer gets one lease length from the registry's
     * start, and from the last write that found Kafka unreachable, to come back before the sweep
     * orphans its stream. A release is not a sweep: it orphans at once, grace or not.
     */
    /**
     * Whether the sweep ends {@code s}: its lease expired, and its job had one lease length to
     * renew since the registry could last take renewals (as for production leases; the stream's
     * taps keep writing until the sweep deletes the subscription).
     */
    private boolean isExpiredSubscription(Subscription s, long now) {
        return !s.isLiveAt(now)
                && now >= Math.max(startedAtMs, storeUnavailableAtMs) + s.leaseSeconds() * 1000L;
    }

    private boolean inGrace(StreamDescriptor d, long now) {
        int leaseSeconds = d.lease() == null ? productionLease : d.lease().leaseSeconds();
        return now < Math.max(startedAtMs, storeUnavailableAtMs) + leaseSeconds * 1000L;
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The stream, if {@code caller} may read it. A stream the caller may not read is answered as
     * one that does not exist, so that nobody learns from the registry which streams others have.
     */
    private static StreamDescriptor requireReadable(
            RegistryState state, String caller, StreamRef ref) {
        return state.get(ref)
                .filter(d -> d.isReadableBy(caller))
                .orElseThrow(() -> Errors.streamNotFound(ref));
    }

    /**
     * The stream, if {@code caller} owns it; a grantee learns that only the owner may, a stranger
     * that it does not exist (see {@link #requireReadable}).
     */
    private static StreamDescriptor requireOwned(
            RegistryState state, String caller, StreamRef ref, String action) {
        StreamDescriptor d = requireReadable(state, caller, ref);
        if (!d.owner().equals(caller)) {
            throw Errors.notOwner(caller, ref, action);
        }
        return d;
    }

    /** A planner for a mutation that runs alone in its batch. */
    @FunctionalInterface
    private interface Planner<R> {
        Outcome<R> plan(RegistryState state, long now);
    }

    private static <R> Mutation<R> exclusive(Planner<R> planner) {
        return new Mutation<>() {
            @Override
            public Set<String> locks() {
                return Set.of();
            }

            @Override
            public boolean exclusive() {
                return true;
            }

            @Override
            public Outcome<R> plan(RegistryState state, long now) {
                return planner.plan(state, now);
            }
        };
    }

    private <R> R execute(Mutation<R> m) {
        try {
            return store.execute(m);
        } catch (RegistryException e) {
            if (e.errorCode() == Errors.STORE_UNAVAILABLE) {
                // Producers' renewals fail the same way meanwhile: see inGrace.
                storeUnavailableAtMs = clock.getAsLong();
            }
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.storeError("interrupted while waiting for the write", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        sweeper.shutdownNow();
        store.close();
    }

    /** The registry acting as one principal. */
    private final class CallerView implements StreamRegistry {
        private final String caller;

        CallerView(String caller) {
            this.caller = caller;
        }

        @Override
        public String principal() {
            return caller;
        }

        @Override
        public StreamDescriptor create(StreamSpec spec) {
            return RegistryService.this.create(caller, spec);
        }

        @Override
        public List<StreamDescriptor> list(String owner, StreamType type) {
            return RegistryService.this.list(caller, owner, type);
        }

        @Override
        public StreamDescriptor describe(StreamRef stream) {
            return RegistryService.this.describe(caller, stream);
        }

        @Override
        public List<StreamDescriptor> resolve(String fingerprint) {
            return RegistryService.this.resolve(caller, fingerprint);
        }

        @Override
        public StreamDescriptor grant(StreamRef stream, String grantee) {
            return RegistryService.this.grant(caller, stream, grantee);
        }

        @Override
        public void revoke(StreamRef stream, String grantee) {
            RegistryService.this.revoke(caller, stream, grantee);
        }

        @Override
        public Subscription subscribe(StreamRef stream, String jobId, int leaseSeconds) {
            return RegistryService.this.subscribe(caller, stream, jobId, leaseSeconds);
        }

        @Override
        public Subscription renew(StreamRef stream, String subscriptionId) {
            return RegistryService.this.renew(caller, stream, subscriptionId);
        }

        @Override
        public void unsubscribe(StreamRef stream, String subscriptionId) {
            RegistryService.this.unsubscribe(caller, stream, subscriptionId);
        }

        @Override
        public StreamDescriptor setStatus(StreamRef stream, StreamStatus status, Producer p) {
            return RegistryService.this.setStatus(caller, stream, status, p);
        }

        @Override
        public ProductionLease renewProduction(StreamRef stream, String jobId) {
            return RegistryService.this.renewProduction(caller, stream, jobId);
        }

        @Override
        public void releaseProduction(StreamRef stream, String jobId) {
            RegistryService.this.releaseProduction(caller, stream, jobId);
        }

        @Override
        public void delete(StreamRef stream, boolean force) {
            RegistryService.this.delete(caller, stream, force);
        }
    }
}
