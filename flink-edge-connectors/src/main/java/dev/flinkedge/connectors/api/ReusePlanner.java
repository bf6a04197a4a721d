package dev.flinkedge.connectors.api;

import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.errors.ConflictException;
import dev.flinkedge.registry.errors.Errors;
import dev.flinkedge.registry.errors.NotFoundException;
import dev.flinkedge.registry.model.Lineage;
import dev.flinkedge.registry.model.LineageFingerprint;
import dev.flinkedge.registry.model.SerializerFormat;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.model.WindowSpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Where reuse is decided. Given a derived stream a job asks for, it computes the lineage
 * fingerprint and asks the registry:
 *
 * <ol>
 *   <li>a stream with that fingerprint is ACTIVE with a live production lease and the caller may
 *       read it (its own first) → {@link Decision#reuse}: the job reads it instead of running the
 *       operator. A stream whose producer's lease lapsed is never reused, even if the registry
 *       still lists it (the rule is {@link StreamDescriptor#isReusableAt}, which the registry's
 *       resolve applies too);
 *   <li>otherwise → {@link Decision#compute}: the job runs the operator and produces the stream
 *       under the caller's name (registering it, or taking over its own DECLARED/ORPHANED entry).
 * </ol>
 *
 * <p>Streams of other owners that the caller may not read never match (the registry does not return
 * them), so without a grant the caller computes its own copy.
 */
final class ReusePlanner {

    private static final Logger LOG = LoggerFactory.getLogger(ReusePlanner.class);

    /**
     * The outcome for one derived stream.
     *
     * @param reuse whether to read {@code stream} instead of computing
     * @param stream the stream read (reuse) or produced (compute)
     */
    record Decision(boolean reuse, StreamDescriptor stream) {
        static Decision reuse(StreamDescriptor d) {
            return new Decision(true, d);
        }

        static Decision compute(StreamDescriptor d) {
            return new Decision(false, d);
        }
    }

    private final StreamRegistry registry;
    private final String owner;
    private final LongSupplier clock;

    ReusePlanner(StreamRegistry registry, String owner) {
        this(registry, owner, System::currentTimeMillis);
    }

    ReusePlanner(StreamRegistry registry, String owner, LongSupplier clock) {
        this.registry = registry;
        this.owner = owner;
        this.clock = clock;
    }

    /** The fingerprint of {@code lineage} over {@code window}, Kryo-serialized. */
    static String fingerprint(Lineage lineage, WindowSpec window) {
        return LineageFingerprint.ofDerived(lineage, window, SerializerFormat.KRYO);
    }

    Decision decide(
            String name,
            Lineage lineage,
            WindowSpec window,
            String payloadType,
            StreamSpecOptions options) {
        String fp = fingerprint(lineage, window);
        Optional<StreamDescriptor> live = reusable(fp);
        if (live.isPresent()) {
            StreamDescriptor chosen = live.get();
            LOG.info(
                    "Reusing {} for '{}' (fingerprint {}): no second {}",
                    chosen.ref(),
                    name,
                    fp.substring(0, 12),
                    lineage.operator().name());
            return Decision.reuse(chosen);
        }
        return Decision.compute(register(name, lineage, window, payloadType, options, fp));
    }

    /** The first stream with {@code fp} that is produced right now, in the registry's order. */
    private Optional<StreamDescriptor> reusable(String fp) {
        List<StreamDescriptor> candidates;
        try {
            candidates = registry.resolve(fp);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        long now = clock.getAsLong();
        for (StreamDescriptor d : candidates) {
            if (d.isReusableAt(now)) {
                return Optional.of(d);
            }
            LOG.info("Not reusing {}: its producer's lease is not live ({})", d.ref(), d.lease());
        }
        return Optional.empty();
    }

    private StreamDescriptor register(
            String name,
            Lineage lineage,
            WindowSpec window,
            String payloadType,
            StreamSpecOptions options,
            String fp) {
        StreamSpec spec =
                StreamSpec.builder(name, StreamType.DERIVED)
                        .lineage(lineage)
                        .window(window)
                        .serializer(SerializerFormat.KRYO)
                        .payloadType(payloadType)
                        .guarantee(options.guarantee())
                        .durable(options.durable())
                        .partitions(options.partitions())
                        .build();
        try {
            StreamDescriptor d = registry.create(spec);
            LOG.info("Computing '{}' as {} (fingerprint {})", name, d.ref(), fp.substring(0, 12));
            return d;
        } catch (ConflictException e) {
            StreamDescriptor existing = e.existing().orElseThrow(() -> e);
            if (!existing.fingerprint().equals(fp)) {
                throw new IllegalStateException(
                        "Stream "
                                + existing.ref()
                                + " already exists with"
                                + " another lineage (fingerprint "
                                + existing.fingerprint()
                                + ", not "
                                + fp
                                + "); derive under another name or delete it",
                        e);
            }
            if (existing.status() == StreamStatus.RETIRED) {
                throw new IllegalStateException(
                        "Stream "
                                + existing.ref()
                                + " is RETIRED; derive"
                                + " under another name or delete it",
                        e);
            }
            if (e.errorCode() == Errors.FINGERPRINT_EXISTS) {
                LOG.info(
                        "'{}' is already registered as {} ({}); producing it under that name",
                        name,
                        existing.ref(),
                        existing.status());
            }
            return existing;
        }
    }
}
