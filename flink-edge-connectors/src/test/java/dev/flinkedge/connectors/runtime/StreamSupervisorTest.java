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
import dev.flinkedge.registry.testutil.Wait;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One supervision round: claim before launch, launches of several streams at once but one at a time
 * per stream, resume a live host job, stop an unused one.
 */
class StreamSupervisorTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final StreamRef CARS = new StreamRef("alice", "Cars");
    private static final StreamRef PLATES = new StreamRef("alice", "Plates");
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final String OLD_HOST = new JobID().toHexString();

    private final Map<String, JobStatus> flink = new HashMap<>();
    private final RecordingLauncher launcher = new RecordingLauncher();
    private long now = NOW;

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
                        () -> NOW,
                        onTheRoundsThread());

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
    void waitsLongerAfterEachFurtherHostJobThatEnds() {
        Producer host = new Producer(OLD_HOST, Producer.hostJobName(CARS), null);
        LeaseRegistry registry = new LeaseRegistry(orphaned(host));
        flink.put(OLD_HOST, JobStatus.FAILED);
        StreamSupervisor supervisor = supervisor(registry);

        supervisor.check();
        assertThat(launcher.launched).as("the first ended host job is replaced at once").hasSize(1);

        endsOnItsOwn(registry, launcher.launched.get(0));
        supervisor.check();
        now += 1_999;
        supervisor.check();
        assertThat(launcher.launched).as("waits two periods after the second").hasSize(1);
        now += 1;
        supervisor.check();
        assertThat(launcher.launched).hasSize(2);

        endsOnItsOwn(registry, launcher.launched.get(1));
        supervisor.check();
        now += 3_999;
        supervisor.check();
        assertThat(launcher.launched).as("and four after the third").hasSize(2);
        now += 1;
        supervisor.check();
        assertThat(launcher.launched).hasSize(3);
    }

    private void endsOnItsOwn(LeaseRegistry registry, JobID hostJob) {
        flink.put(hostJob.toHexString(), JobStatus.FAILED);
        registry.releaseProduction(CARS, hostJob.toHexString());
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
    void releasesTheClaimWhenTheLaunchFailsAndLaunchesAgainInALaterRound() {
        LeaseRegistry registry = new LeaseRegistry(orphaned(new Producer("job-a", "x+a", "e")));
        launcher.failure = new IllegalStateException("no JobManager");
        StreamSupervisor supervisor = supervisor(registry);

        supervisor.check();

        assertThat(registry.released).hasSize(1);
        assertThat(registry.stream.status()).isEqualTo(StreamStatus.ORPHANED);

        launcher.failure = null;
        supervisor.check();

        assertThat(launcher.launched).hasSize(1);
        assertThat(registry.stream.producer().jobId())
                .isEqualTo(launcher.launched.get(0).toHexString());
    }

    @Test
    void launchesTheHostJobsOfSeveralOrphansAtOnce() throws Exception {
        LeaseRegistry cars = new LeaseRegistry(orphaned(new Producer("job-a", "x+a", "e")));
        LeaseRegistry plates =
                new LeaseRegistry(orphaned(PLATES, new Producer("job-a", "x+a", "e")));
        BlockingLauncher slow = new BlockingLauncher(2);
        try (StreamSupervisor supervisor =
                new StreamSupervisor(
                        new TwoStreamRegistry(cars, plates),
                        "alice",
                        jobId -> Optional.empty(),
                        slow,
                        Duration.ofSeconds(1),
                        () -> now,
                        Executors.newFixedThreadPool(2))) {
            CompletableFuture<Void> round = CompletableFuture.runAsync(supervisor::check);

            assertThat(slow.started.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS))
                    .as("the second launch starts while the first still runs")
                    .isTrue();
            round.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(slow.launched).hasSize(2);
        } finally {
            slow.release.countDown();
        }
    }

    @Test
    void startsNoSecondHostJobWhileALaunchIsInFlight() throws Exception {
        LeaseRegistry registry = new LeaseRegistry(orphaned(new Producer("job-a", "x+a", "e")));
        BlockingLauncher slow = new BlockingLauncher(1);
        try (StreamSupervisor supervisor =
                new StreamSupervisor(
                        registry,
                        "alice",
                        jobId -> Optional.ofNullable(flink.get(jobId)),
                        slow,
                        Duration.ofSeconds(1),
                        () -> now,
                        Executors.newFixedThreadPool(2))) {
            CompletableFuture.runAsync(supervisor::check);
            assertThat(slow.started.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

            registry.leaseLapses();
            supervisor.check();

            assertThat(slow.launched).as("launches while the first is in flight").hasSize(1);
            assertThat(registry.claims).isEqualTo(1);

            slow.release.countDown();
            Wait.until(
                    () -> {
                        supervisor.check();
                        return slow.launched.size() == 2;
                    },
                    DEADLINE,
                    "a round to launch again once the slow launch ended");
        } finally {
            slow.release.countDown();
        }
    }

    private StreamSupervisor supervisor(LeaseRegistry registry) {
        return new StreamSupervisor(
                registry,
                "alice",
                jobId -> Optional.ofNullable(flink.get(jobId)),
                launcher,
                Duration.ofSeconds(1),
                () -> now,
                onTheRoundsThread());
    }

    /** Launches inline, so a round's launches have ended when {@code check()} returns. */
    private static ExecutorService onTheRoundsThread() {
        return org.apache.flink.util.concurrent.Executors.newDirectExecutorService();
    }

    private static StreamDescriptor orphaned(Producer last) {
        return orphaned(CARS, last);
    }

    private static StreamDescriptor orphaned(StreamRef ref, Producer last) {
        return descriptor(
                ref, StreamStatus.ORPHANED, last, List.of(subscription(NOW + 10_000)), NOW - 1_000);
    }

    private static Subscription subscription(long expiresAtMs) {
        return new Subscription("sub-1", "job-b", "bob", 15, expiresAtMs);
    }

    private static StreamDescriptor descriptor(
            StreamStatus status,
            Producer producer,
            List<Subscription> subscriptions,
            long leaseEndsAt) {
        return descriptor(CARS, status, producer, subscriptions, leaseEndsAt);
    }

    private static StreamDescriptor descriptor(
            StreamRef ref,
            StreamStatus status,
            Producer producer,
            List<Subscription> subscriptions,
            long leaseEndsAt) {
        Lineage lineage =
                new Lineage(new OperatorRef("detect", "1", Map.of()), List.of("a".repeat(64)));
        return new StreamDescriptor(
                ref.owner(),
                ref.name(),
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
                StreamDescriptor.topicFor(ref.owner(), ref.name()),
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

        /** The claim's lease lapsed: ORPHANED again, still naming the claimed producer. */
        synchronized void leaseLapses() {
            liveHolder = null;
            stream = with(StreamStatus.ORPHANED, stream.producer());
        }

        private StreamDescriptor with(StreamStatus status, Producer producer) {
            return descriptor(
                    stream.ref(),
                    status,
                    producer,
                    stream.subscriptions(),
                    status == StreamStatus.ACTIVE ? NOW + 15_000 : NOW);
        }
    }

    /** Two streams of one owner, each with its own {@link LeaseRegistry}. */
    private static final class TwoStreamRegistry extends UnsupportedRegistry {
        private final Map<StreamRef, LeaseRegistry> streams = new HashMap<>();

        TwoStreamRegistry(LeaseRegistry first, LeaseRegistry second) {
            streams.put(first.stream.ref(), first);
            streams.put(second.stream.ref(), second);
        }

        @Override
        public List<StreamDescriptor> list(String owner, StreamType type) {
            return streams.values().stream().map(r -> r.stream).toList();
        }

        @Override
        public StreamDescriptor setStatus(StreamRef ref, StreamStatus status, Producer producer) {
            return streams.get(ref).setStatus(ref, status, producer);
        }

        @Override
        public void releaseProduction(StreamRef ref, String jobId) {
            streams.get(ref).releaseProduction(ref, jobId);
        }
    }

    /** Its first {@code blocked} launches wait for {@link #release}, as a slow REST run does. */
    private static final class BlockingLauncher implements StreamSupervisor.HostJobLauncher {
        final List<JobID> launched = new CopyOnWriteArrayList<>();
        final CountDownLatch started;
        final CountDownLatch release = new CountDownLatch(1);

        BlockingLauncher(int blocked) {
            this.started = new CountDownLatch(blocked);
        }

        @Override
        public void launch(StreamDescriptor orphan, JobID jobId) throws InterruptedException {
            launched.add(jobId);
            if (started.getCount() > 0) {
                started.countDown();
                release.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public void cancel(JobID jobId) {
            throw new UnsupportedOperationException("no host job to cancel here");
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
