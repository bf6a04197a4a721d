package dev.flinkedge.connectors.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.testutil.UnsupportedRegistry;
import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.errors.Errors;
import dev.flinkedge.registry.model.Guarantee;
import dev.flinkedge.registry.model.Lineage;
import dev.flinkedge.registry.model.OperatorRef;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.ProductionLease;
import dev.flinkedge.registry.model.SerializerFormat;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.model.WindowSpec;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reuse only of streams whose producer's lease is live; otherwise the job computes. */
class ReusePlannerTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final Lineage LINEAGE =
            new Lineage(new OperatorRef("detect", "1", Map.of()), List.of("a".repeat(64)));
    private static final String FP = ReusePlanner.fingerprint(LINEAGE, WindowSpec.none());

    @Test
    void reusesAnActiveStreamWithALiveLease() {
        StreamDescriptor theirs = descriptor("b", "Cars", StreamStatus.ACTIVE, NOW + 5_000);
        ScriptedRegistry registry = new ScriptedRegistry(List.of(theirs), null);

        ReusePlanner.Decision d = decide(registry);

        assertThat(d.reuse()).isTrue();
        assertThat(d.stream()).isEqualTo(theirs);
        assertThat(registry.created).isEmpty();
    }

    @Test
    void computesInsteadOfReusingAnActiveStreamWhoseLeaseLapsed() {
        StreamDescriptor lapsed = descriptor("b", "Cars", StreamStatus.ACTIVE, NOW - 1);
        StreamDescriptor mine = descriptor("a", "Cars", StreamStatus.DECLARED, 0);
        ScriptedRegistry registry = new ScriptedRegistry(List.of(lapsed), mine);

        ReusePlanner.Decision d = decide(registry);

        assertThat(d.reuse()).isFalse();
        assertThat(d.stream()).isEqualTo(mine);
        assertThat(registry.created).extracting(StreamSpec::name).containsExactly("Cars");
    }

    @Test
    void skipsALapsedStreamForALiveOneFurtherDown() {
        StreamDescriptor lapsed = descriptor("a", "Cars", StreamStatus.ACTIVE, NOW);
        StreamDescriptor live = descriptor("b", "Cars", StreamStatus.ACTIVE, NOW + 1);
        ScriptedRegistry registry = new ScriptedRegistry(List.of(lapsed, live), null);

        assertThat(decide(registry).stream()).isEqualTo(live);
    }

    @Test
    void takesOverTheOwnersOrphanedEntry() {
        StreamDescriptor orphaned = descriptor("a", "Cars", StreamStatus.ORPHANED, NOW - 10_000);
        ScriptedRegistry registry = new ScriptedRegistry(List.of(), null);
        registry.conflict = orphaned;

        ReusePlanner.Decision d = decide(registry);

        assertThat(d.reuse()).isFalse();
        assertThat(d.stream()).isEqualTo(orphaned);
    }

    private static ReusePlanner.Decision decide(StreamRegistry registry) {
        return new ReusePlanner(registry, "a", () -> NOW)
                .decide(
                        "Cars",
                        LINEAGE,
                        WindowSpec.none(),
                        "dev.flinkedge.Vehicle",
                        StreamSpecOptions.DEFAULT);
    }

    /**
     * A stream with {@link #FP}; ACTIVE and ORPHANED ones carry a lease ending at {@code until}.
     */
    private static StreamDescriptor descriptor(
            String owner, String name, StreamStatus status, long until) {
        boolean produced = status == StreamStatus.ACTIVE || status == StreamStatus.ORPHANED;
        return new StreamDescriptor(
                owner,
                name,
                StreamType.DERIVED,
                WindowSpec.none(),
                SerializerFormat.KRYO,
                "dev.flinkedge.Vehicle",
                Guarantee.LIVE,
                LINEAGE,
                null,
                false,
                1,
                status,
                produced ? new Producer("job-" + owner, "edge-1") : null,
                StreamDescriptor.topicFor(owner, name),
                FP,
                List.of("a"),
                List.of(),
                NOW - 60_000,
                NOW - 60_000,
                produced ? new ProductionLease("job-" + owner, "edge-1", 15, until) : null);
    }

    /** Resolves to a fixed list; creates by returning {@code onCreate} or by a conflict. */
    private static final class ScriptedRegistry extends UnsupportedRegistry {
        private final List<StreamDescriptor> resolved;
        private final StreamDescriptor onCreate;
        private final List<StreamSpec> created = new ArrayList<>();
        private StreamDescriptor conflict;

        ScriptedRegistry(List<StreamDescriptor> resolved, StreamDescriptor onCreate) {
            this.resolved = resolved;
            this.onCreate = onCreate;
        }

        @Override
        public String principal() {
            return "a";
        }

        @Override
        public StreamDescriptor create(StreamSpec spec) {
            if (conflict != null) {
                throw Errors.streamExists(conflict);
            }
            created.add(spec);
            return onCreate;
        }

        @Override
        public List<StreamDescriptor> resolve(String fingerprint) {
            if (resolved.isEmpty()) {
                throw Errors.fingerprintNotFound(fingerprint);
            }
            return resolved;
        }
    }
}
