package dev.flinkedge.connectors.sink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.testutil.UnsupportedRegistry;
import dev.flinkedge.registry.errors.Errors;
import dev.flinkedge.registry.model.Guarantee;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.ProductionLease;
import dev.flinkedge.registry.model.SerializerFormat;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.model.WindowSpec;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/** When the keeper renews next, whatever the registry answers; it never throws. */
class ProductionLeaseKeeperTest {

    private static final StreamRef CARS = new StreamRef("a", "Cars");
    private static final String JOB = "job-1";

    @Test
    void asksEverySecondUntilGrantedThenRenewsEveryThirdOfTheLease() {
        ScriptedRegistry registry =
                new ScriptedRegistry(
                        notHolder(StreamStatus.DECLARED, null),
                        notHolder(StreamStatus.ORPHANED, "job-0"),
                        () -> lease(15),
                        () -> lease(9));
        try (ProductionLeaseKeeper keeper = new ProductionLeaseKeeper(registry, CARS, JOB)) {
            assertThat(delays(keeper, 4))
                    .containsExactly(
                            Duration.ofSeconds(1),
                            Duration.ofSeconds(1),
                            Duration.ofSeconds(5),
                            Duration.ofSeconds(3));
        }
        assertThat(registry.jobIds).containsOnly(JOB);
    }

    @Test
    void anUnreachableRegistryIsRetriedWithBackoffBoundedByTheRenewalPeriod() {
        ScriptedRegistry registry =
                new ScriptedRegistry(
                        () -> lease(15),
                        unreachable(),
                        unreachable(),
                        unreachable(),
                        unreachable(),
                        unreachable(),
                        () -> {
                            throw Errors.storeTimeout("no ack");
                        },
                        () -> lease(15),
                        unreachable());
        try (ProductionLeaseKeeper keeper = new ProductionLeaseKeeper(registry, CARS, JOB)) {
            assertThat(delays(keeper, 9))
                    .containsExactly(
                            Duration.ofSeconds(5),
                            Duration.ofMillis(500),
                            Duration.ofSeconds(1),
                            Duration.ofSeconds(2),
                            Duration.ofSeconds(4),
                            Duration.ofSeconds(5),
                            Duration.ofSeconds(5),
                            Duration.ofSeconds(5),
                            Duration.ofMillis(500));
        }
    }

    @Test
    void aStreamAnotherJobProducesNowIsRetriedAtThePeriodNotEverySecond() {
        ScriptedRegistry registry =
                new ScriptedRegistry(
                        notHolder(StreamStatus.ACTIVE, "job-2"),
                        () -> lease(15),
                        notHolder(StreamStatus.ACTIVE, "job-2"));
        try (ProductionLeaseKeeper keeper = new ProductionLeaseKeeper(registry, CARS, JOB)) {
            assertThat(delays(keeper, 3))
                    .containsExactly(
                            ProductionLeaseKeeper.DEFAULT_PERIOD,
                            Duration.ofSeconds(5),
                            Duration.ofSeconds(5));
        }
    }

    private static List<Duration> delays(ProductionLeaseKeeper keeper, int rounds) {
        List<Duration> out = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            out.add(keeper.renewOnce());
        }
        return out;
    }

    private static ProductionLease lease(int seconds) {
        return new ProductionLease(
                JOB, "edge-1", seconds, System.currentTimeMillis() + seconds * 1000L);
    }

    private static Supplier<ProductionLease> unreachable() {
        return () -> {
            throw Errors.unreachable("http://registry:8090", new IOException("refused"));
        };
    }

    /** The registry's answer to a job that does not hold the lease; {@code holder} may be null. */
    private static Supplier<ProductionLease> notHolder(StreamStatus status, String holder) {
        StreamDescriptor d =
                new StreamDescriptor(
                        CARS.owner(),
                        CARS.name(),
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
                        holder == null ? null : new Producer(holder, "edge-1"),
                        StreamDescriptor.topicFor(CARS.owner(), CARS.name()),
                        "0".repeat(64),
                        List.of(),
                        List.of(),
                        0,
                        0,
                        holder == null
                                ? null
                                : new ProductionLease(
                                        holder,
                                        "edge-1",
                                        15,
                                        status == StreamStatus.ACTIVE ? Long.MAX_VALUE : 0));
        return () -> {
            throw Errors.notLeaseHolder(d, JOB);
        };
    }

    /** Answers renewals from a script, in order, and records who asked. */
    private static final class ScriptedRegistry extends UnsupportedRegistry {
        private final Deque<Supplier<ProductionLease>> answers;
        private final List<String> jobIds = new ArrayList<>();

        @SafeVarargs
        ScriptedRegistry(Supplier<ProductionLease>... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public ProductionLease renewProduction(StreamRef stream, String jobId) {
            assertThat(stream).isEqualTo(CARS);
            jobIds.add(jobId);
            return answers.removeFirst().get();
        }
    }
}
