package dev.flinkedge.jobs.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.jobs.PackagedJobJar;
import dev.flinkedge.registry.model.Guarantee;
import dev.flinkedge.scheduler.cluster.ClusterPorts;
import dev.flinkedge.scheduler.cluster.InJvmEdgeCluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The fault suite's scenarios on one real multi-process local edge cluster (Kafka broker, registry,
 * JobManager and TaskManagers as processes; jobs from the packaged job jar), one test per scenario,
 * each asserting the outcome, never timings: the subscriber gets records again, one job at a time
 * writes a stream (counted at its topic), the stream ends ACTIVE, and the delivery guarantees hold
 * where issue 12 demands it. Scenarios run one after another on the same cluster, each leaving it
 * healthy; the one adding a spare TaskManager runs last. Runs after {@code package}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteJarIT {

    private static final Logger LOG = LoggerFactory.getLogger(FaultSuiteJarIT.class);
    private static final int LEASE_SECONDS = 6;
    private static final String ACTIVE = "ACTIVE";
    private static final Duration OBSERVE = Duration.ofSeconds(25);

    @TempDir static Path workDir;

    private FaultCluster cluster;
    private final StringWriter progress = new StringWriter();

    @BeforeAll
    void startCluster() throws Exception {
        Path jar = PackagedJobJar.require();
        int[] ports = InJvmEdgeCluster.freePorts(5);
        cluster =
                FaultCluster.start(
                        FaultCluster.settings(
                                workDir.resolve("faults"),
                                LEASE_SECONDS,
                                jar,
                                new ClusterPorts(ports[0], ports[1], ports[2], ports[3], ports[4])),
                        jar,
                        LOG::info);
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        LOG.info("Fault suite progress:\n{}", progress);
    }

    @Test
    @Order(1)
    void brokerRestartLosesNothingAtLeastOnceAndDuplicatesNothingExactlyOnce() throws Exception {
        FaultReport report =
                run(
                        FaultScenario.BROKER_RESTARTED,
                        Guarantee.AT_LEAST_ONCE,
                        Guarantee.EXACTLY_ONCE);

        for (FaultReport.StreamOutcome s : report.streams()) {
            assertRecovered(s);
            assertThat(s.recordsLost()).as(s.guarantee() + " lost").isZero();
        }
        assertThat(report.outcome("EXACTLY_ONCE").recordsDuplicated()).isZero();
    }

    @Test
    @Order(2)
    void subscriberTaskManagerKilledLeaksNoSubscriptionAndLosesNothing() throws Exception {
        FaultReport report =
                run(
                        FaultScenario.SUBSCRIBER_TM_KILLED,
                        Guarantee.AT_LEAST_ONCE,
                        Guarantee.EXACTLY_ONCE);

        for (FaultReport.StreamOutcome s : report.streams()) {
            assertRecovered(s);
            assertThat(s.recordsLost()).as(s.guarantee() + " lost").isZero();
            assertThat(s.finalSubscriptions())
                    .as(s.guarantee() + ": one subscription, of the one subscriber job")
                    .isEqualTo(1);
        }
        assertThat(report.outcome("EXACTLY_ONCE").recordsDuplicated()).isZero();
    }

    @Test
    @Order(3)
    void registryDownForThreeLeasesLeavesTheStreamWithItsProducer() throws Exception {
        FaultReport report = run(FaultScenario.REGISTRY_DOWN, Guarantee.EXACTLY_ONCE);

        assertRecovered(report.outcome("EXACTLY_ONCE"));
        assertThat(report.outcome("EXACTLY_ONCE").producerJobs()).hasSize(1);
        assertThat(report.outcome("EXACTLY_ONCE").tapJobs()).hasSize(1);
    }

    @Test
    @Order(5)
    void producerCancelledIsReHostedByTheSupervisor() throws Exception {
        assertRecovered(
                run(FaultScenario.PRODUCER_CANCELLED, OBSERVE, Guarantee.EXACTLY_ONCE)
                        .outcome("EXACTLY_ONCE"));
    }

    @Test
    @Order(6)
    void producerTaskManagerKilledWithoutASpareIsReHostedByTheSupervisor() throws Exception {
        FaultReport.StreamOutcome s =
                run(FaultScenario.PRODUCER_TM_KILLED, OBSERVE, Guarantee.EXACTLY_ONCE)
                        .outcome("EXACTLY_ONCE");

        assertThat(s.rehostedS()).as("a record after the longest pause").isNotNegative();
        assertThat(s.finalStatus()).isEqualTo(ACTIVE);
        assertThat(s.recordsDuplicated()).isZero();
        assertThat(s.maxConcurrentProducers()).isEqualTo(1);
    }

    @Test
    @Order(7)
    void supervisorKilledWhileReHostingStartsOneHostJob() throws Exception {
        assertRecovered(
                run(FaultScenario.SUPERVISOR_KILLED, OBSERVE, Guarantee.EXACTLY_ONCE)
                        .outcome("EXACTLY_ONCE"));
    }

    @Test
    @Order(8)
    void jobManagerRestartedWithoutHighAvailabilityLetsTheResubmittedSubscriberRunAgain()
            throws Exception {
        // Without high availability the jobs are lost; the TaskManagers run their tasks until the
        // old JobManager's heartbeat times out, and the lost subscriber's lease lapses meanwhile,
        // so nothing is re-hosted: the resubmitted subscriber reads a host's or its own stream.
        FaultReport.StreamOutcome s =
                run(FaultScenario.JOBMANAGER_RESTARTED, OBSERVE, Guarantee.EXACTLY_ONCE)
                        .outcome("EXACTLY_ONCE");

        assertThat(s.rehostedS()).as("a record after the longest pause").isNotNegative();
        assertThat(s.maxConcurrentProducers()).isEqualTo(1);
    }

    @Test
    @Order(9)
    void producerTaskManagerKilledWithASpareRecoversWithoutDuplicates() throws Exception {
        FaultReport report = run(FaultScenario.PRODUCER_TM_KILLED_SPARE, Guarantee.EXACTLY_ONCE);

        FaultReport.StreamOutcome s = report.outcome("EXACTLY_ONCE");
        assertThat(s.rehostedS()).as("a record after the longest pause").isNotNegative();
        assertThat(s.finalStatus()).isEqualTo(ACTIVE);
        assertThat(s.recordsDuplicated()).isZero();
        // With this suite's short lease the supervisor may start a host job before Flink restarts
        // the producer on the spare; then the restarted producer's tap is fenced and writes none.
        assertThat(s.maxConcurrentProducers()).isEqualTo(1);
    }

    private FaultReport run(FaultScenario scenario, Guarantee... guarantees) throws Exception {
        return run(scenario, OBSERVE, guarantees);
    }

    private FaultReport run(FaultScenario scenario, Duration observe, Guarantee... guarantees)
            throws Exception {
        FaultBenchmark bench =
                new FaultBenchmark(
                        cluster,
                        new FaultBenchmark.Config(
                                List.of(guarantees),
                                2,
                                10,
                                Duration.ofSeconds(3),
                                observe,
                                "FaultSuiteJarIT " + scenario.id(),
                                Map.of(),
                                "unknown"),
                        new PrintWriter(progress, true));
        FaultReport report = bench.run(scenario);
        LOG.info("{}: {}", scenario.id(), report.streams());
        return report;
    }

    /** Records flow again, one producer at a time, and the stream is ACTIVE at the end. */
    private static void assertRecovered(FaultReport.StreamOutcome s) {
        assertThat(s.rehostedS())
                .as(s.guarantee() + ": a record after the longest pause")
                .isNotNegative();
        assertThat(s.maxConcurrentProducers()).as(s.guarantee() + " producers").isEqualTo(1);
        assertThat(s.finalStatus()).as(s.guarantee() + " status").isEqualTo(ACTIVE);
    }
}
