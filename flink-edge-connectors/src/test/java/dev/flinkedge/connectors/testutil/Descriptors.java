package dev.flinkedge.connectors.testutil;

import dev.flinkedge.registry.model.Guarantee;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.ProductionLease;
import dev.flinkedge.registry.model.SerializerFormat;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.model.WindowSpec;

import java.util.List;

/** Stream descriptors as the registry's view shows them, for tests of what reacts to it. */
public final class Descriptors {

    private Descriptors() {}

    /** A lease of {@code jobId} at edge-1 that ends at {@code expiresAtMs}. */
    public static ProductionLease lease(String jobId, long expiresAtMs) {
        return new ProductionLease(jobId, "edge-1", 15, expiresAtMs);
    }

    /**
     * {@code ref} in {@code status}, produced under {@code lease} (may be null), last changed at
     * {@code updatedAtMs}.
     */
    public static StreamDescriptor stream(
            StreamRef ref, StreamStatus status, ProductionLease lease, long updatedAtMs) {
        return new StreamDescriptor(
                ref.owner(),
                ref.name(),
                StreamType.VIRTUAL,
                WindowSpec.none(),
                SerializerFormat.KRYO,
                null,
                Guarantee.LIVE,
                null,
                null,
                false,
                1,
                status,
                lease == null ? null : new Producer(lease.jobId(), lease.site()),
                StreamDescriptor.topicFor(ref.owner(), ref.name()),
                "0".repeat(64),
                List.of(),
                List.of(),
                0,
                updatedAtMs,
                lease);
    }
}
