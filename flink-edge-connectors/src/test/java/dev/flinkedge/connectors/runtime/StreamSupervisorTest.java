package dev.flinkedge.connectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.testutil.UnsupportedRegistry;
import dev.flinkedge.registry.errors.Errors;
import dev.flinkedge.registry.model.Guarantee;
import dev.flinkedge.registry.model.Lineage;
import dev.flinkedge.registry.model.OperatorRef;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.ProductionLease;
import dev.flinkedge.registry.model.SerializerFormat;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.model.Subscription;
import dev.flinkedge.registry.model.WindowSpec;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One supervision round: claim before launch, resume a live host job, stop an unused one. */
class StreamSupervisorTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final StreamRef CARS = new StreamRef("alice", "Cars");
    private static final String OLD_HOST = new JobID().toHexString();

    private final Map<String, JobStatus> flink = new HashMap<>();
    private final RecordingLauncher launcher = new RecordingLauncher();

    @Test
    void claimsTheOrphanForANewJobIdAndLaunchesThatJob() {
        LeaseRegistry registry = new LeaseRegistry(orphaned(new Producer("job-a", "x+a", "e")));

        supervisor(registry).check();

        assertThat(launcher.launched).hasSize(1);
        Producer claimed = registry.stream.producer();
        assertThat(registry.stream.status()).isEqualTo(StreamStatus.ACTIVE);
        assertThat(claimed.jobId()).isEqualTo(launcher.launched.get(0).toHexString());
        assertThat(claimed.name()).isEqualTo("host:alice/Cars");
        assertThat(claimed.isHostJob()).isTrue();
    }

    @Test
    void launchesNothingWhenTheClaimIsRefused() {
        LeaseRegistry registry = new LeaseRegistry(orphaned(new Producer("job-a", "x+a", "e")));
        registry.liveHolder = "job-resubmitted";

        supervisor(registry).check();

        assertThat(launcher.launched).isEmpty();
        assertThat(registry.claims).isEqualTo(1);
    }

    @Test
    void reclaimsForAHostJobThatStillRunsInsteadOfLaunchingAnother() {
        Producer host = new Producer(OLD_HOST, Producer.hostJobName(CARS), null);
        LeaseRegistry registry = new LeaseRegistry(orphaned(host));
        flink.put(OLD_HOST, JobStatus.RUNNING);

        supervisor(registry).check();

        assertThat(launcher.launched).isEmpty();
        assertThat(registry.stream.status()).isEqualTo(StreamStatus.ACTIVE);
        assertThat(registry.stream.producer()).isEqualTo(host);
    }

    @Test
    void launchesNothingWhileFlinkCannotSayWhetherThePreviousHostJobRuns() {
        Producer host = new Producer(OLD_HOST, Producer.hostJobName(CARS), null);
        LeaseRegistry registry = new LeaseRegistry(orphaned(host));
        StreamSupervisor supervisor =
                new StreamSupervisor(
                        registry,
                        "alice",
                        jobId -> {
                            throw new IllegalStateException("JobManager unreachable");
                        },
                        launcher,
                        Duration.ofSeconds(1),
                        () -> NOW);

        assertThatThrownBy(supervisor::check).hasMessageContaining("JobManager unreachable");
        assertThat(launcher.launched).isEmpty();
        assertThat(registry.claims).isZero();
    }

    @Test
    void launchesAnewWhenThePreviousHostJobEnded() {
        Producer host = new Producer(OLD_HOST, Producer.hostJobName(CARS), null);
        LeaseRegistry registry = new LeaseRegistry(orphaned(host));
        flink.put(OLD_HOST, JobStatus.FAILED);

        supervisor(registry).check();

        assertThat(launcher.launched).hasSize(1);
        assertThat(launcher.launched.get(0).toHexString()).isNotEqualTo(OLD_HOST);
    }

    @Test
    void twoSupervisorsOnOneRegistryLaunchExactlyOneHostJob() {
        LeaseRegistry registry = new LeaseRegistry(orphaned(new Producer("job-a", "x+a", "e")));
        registry.listedBeforeAnyClaim = registry.stream;
        StreamSupervisor first = supervisor(registry);
        StreamSupervisor second = supervisor(registry);

        first.check();
        second.check();

        assertThat(registry.claims).as("both saw the orphan and tried to claim it").isEqualTo(2);
        assertThat(launcher.launched).hasSize(1);
        assertThat(registry.stream.producer().jobId())
                .isEqualTo(launcher.launched.get(0).toHexString());
    }

    @Test
    void cancelsAHostJobWhoseStreamHasNoLiveSubscription() {
        Producer host = new Producer(OLD_HOST, Producer.hostJobName(CARS), null);
        LeaseRegistry registry =
                new LeaseRegistry(
                        descriptor(
                                StreamStatus.ACTIVE,
                                host,
                                List.of(subscription(NOW - 1)),
                                NOW + 10_000));

        supervisor(registry).check();

        assertThat(launcher.cancelled).containsExactly(JobID.fromHexString(OLD_HOST));
        assertThat(launcher.launched).isEmpty();
    }

    @Test
    void leavesAStreamOfAnOrdinaryJobAloneWithoutSubscriptions() {
        LeaseRegistry registry =
                new LeaseRegistry(
                        descriptor(
                                StreamStatus.ACTIVE,
                                new Producer(OLD_HOST, "x+a", "e"),
                                List.of(),
                                NOW + 10_000));

        supervisor(registry).check();

        assertThat(launcher.cancelled).isEmpty();
        assertThat(launcher.launched).isEmpty();
    }

    @Test
    void releasesTheClaimWhenTheLaunchFails() {
        LeaseRegistry registry = new LeaseRegistry(orphaned(new Producer("job-a", "x+a", "e")));
        launcher.failure = new IllegalStateException("no JobManager");

        supervisor(registry).check();

        assertThat(registry.released).hasSize(1);
        assertThat(registry.stream.status()).isEqualTo(StreamStatus.ORPHANED);
    }

    private StreamSupervisor supervisor(LeaseRegistry registry) {
        return new StreamSupervisor(
                registry,
                "alice",
                jobId -> Optional.ofNullable(flink.get(jobId)),
                launcher,
                Duration.ofSeconds(1),
                () -> NOW);
    }

    private static StreamDescriptor orphaned(Producer last) {
        return descriptor(
                StreamStatus.ORPHANED, last, List.of(subscription(NOW + 10_000)), NOW - 1_000);
    }

    private static Subscription subscription(long expiresAtMs) {
        return new Subscription("sub-1", "job-b", "bob", 15, expiresAtMs);
    }

    private static StreamDescriptor descriptor(
            StreamStatus status,
            Producer producer,
            List<Subscription> subscriptions,
            long leaseEndsAt) {
        Lineage lineage =
                new Lineage(new OperatorRef("detect", "1", Map.of()), List.of("a".repeat(64)));
        return new StreamDescriptor(
                CARS.owner(),
                CARS.name(),
                StreamType.DERIVED,
                WindowSpec.none(),
                SerializerFormat.KRYO,
                "dev.flinkedge.Vehicle",
                Guarantee.LIVE,
                lineage,
                null,
                false,
                1,
                status,
                producer,
                StreamDescriptor.topicFor(CARS.owner(), CARS.name()),
                "b".repeat(64),
                List.of("bob"),
                subscriptions,
                NOW - 60_000,
                NOW - 60_000,
                new ProductionLease(producer.jobId(), producer.site(), 15, leaseEndsAt));
    }

    /**
     * One stream, with the registry's production-lease rule: ACTIVE is refused while another job
     * holds a live lease.
     */
    private static final class LeaseRegistry extends UnsupportedRegistry {
        StreamDescriptor stream;

        /** When set, what every list answers: both supervisors listed before either claimed. */
        StreamDescriptor listedBeforeAnyClaim;

        String liveHolder;
        int claims;
        final List<String> released = new ArrayList<>();

        LeaseRegistry(StreamDescriptor stream) {
            this.stream = stream;
            this.liveHolder = stream.lease().isLiveAt(NOW) ? stream.lease().jobId() : null;
        }

        @Override
        public synchronized List<StreamDescriptor> list(String owner, StreamType type) {
            return List.of(listedBeforeAnyClaim != null ? listedBeforeAnyClaim : stream);
        }

        @Override
        public synchronized StreamDescriptor setStatus(
                StreamRef ref, StreamStatus status, Producer producer) {
            claims++;
            if (liveHolder != null && !liveHolder.equals(producer.jobId())) {
                throw Errors.notLeaseHolder(stream, producer.jobId());
            }
            liveHolder = producer.jobId();
            stream = with(StreamStatus.ACTIVE, producer);
            return stream;
        }

        @Override
        public synchronized void releaseProduction(StreamRef ref, String jobId) {
            released.add(jobId);
            liveHolder = null;
            stream = with(StreamStatus.ORPHANED, stream.producer());
        }

        private StreamDescriptor with(StreamStatus status, Producer producer) {
            return descriptor(
                    status,
                    producer,
                    stream.subscriptions(),
                    status == StreamStatus.ACTIVE ? NOW + 15_000 : NOW);
        }
    }

    private static final class RecordingLauncher implements StreamSupervisor.HostJobLauncher {
        final List<JobID> launched = new ArrayList<>();
        final List<JobID> cancelled = new ArrayList<>();
        RuntimeException failure;

        @Override
        public synchronized void launch(StreamDescriptor orphan, JobID jobId) {
            if (failure != null) {
                throw failure;
            }
            launched.add(jobId);
        }

        @Override
        public synchronized void cancel(JobID jobId) {
            cancelled.add(jobId);
        }
    }
}
