package dev.flinkedge.connectors.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.policy.PolicyChange;
import dev.flinkedge.connectors.policy.PolicyChanges;
import dev.flinkedge.connectors.policy.PolicyPublisher;
import dev.flinkedge.connectors.testutil.CollectingSink;
import dev.flinkedge.connectors.testutil.EdgeTestEnvironment;
import dev.flinkedge.connectors.testutil.PacedFrames;
import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.kafka.KafkaClientConfig;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.testutils.CommonTestUtils;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A running job's offload split follows the policy topic: no policy keeps every frame local, then a
 * quarter and then three quarters of the camera's frames go to the cloud branch, each change
 * applied from one frame on, in the same job without a restart.
 */
class OffloadRouterITCase {

    private static final Logger LOG = LoggerFactory.getLogger(OffloadRouterITCase.class);
    private static final InMemoryReporter REPORTER = InMemoryReporter.create();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String TOPIC = "policies-router-it";

    @Order(1)
    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @Order(2)
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            EdgeTestEnvironment.oneSlotReportingTo(REPORTER);

    @Test
    void changingTheFractionChangesTheSplitWithoutRestart(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        StreamExecutionEnvironment env = EdgeTestEnvironment.lowLatency(cluster);
        DataStream<PolicyChange> policies =
                PolicyChanges.stream(env, KafkaClientConfig.of(KAFKA.bootstrapServers()), TOPIC);
        OffloadRouter.Routed routed =
                OffloadRouter.builder()
                        .setLocalSite("edge-1")
                        .setTargetSites(List.of("cloud"))
                        .build()
                        .route(PacedFrames.of(env, 200, "cam-1"), policies);
        routed.local().sinkTo(new CollectingSink<>("router-local"));
        routed.offloadedTo("cloud").sinkTo(new CollectingSink<>("router-cloud"));

        Properties props = new Properties();
        props.setProperty("bootstrap.servers", KAFKA.bootstrapServers());
        try (PolicyPublisher publisher =
                PolicyPublisher.create(
                        KafkaClientConfig.of(KAFKA.bootstrapServers()), TOPIC, TIMEOUT)) {
            JobClient job = env.executeAsync("offload-router");
            JobID jobId = job.getJobID();
            try {
                CommonTestUtils.waitUtil(
                        () -> CollectingSink.received("router-local").size() >= 50,
                        TIMEOUT,
                        "no frames reached the local branch");
                assertThat(CollectingSink.received("router-cloud")).isEmpty();

                publisher.publish(policy(0.25, 1));
                CommonTestUtils.waitUtil(
                        () -> CollectingSink.received("router-cloud").size() >= 40,
                        TIMEOUT,
                        "no frames were offloaded after the first policy");
                int cloudBefore = CollectingSink.received("router-cloud").size();
                publisher.publish(policy(0.75, 2));
                CommonTestUtils.waitUtil(
                        () -> CollectingSink.received("router-cloud").size() >= cloudBefore + 150,
                        TIMEOUT,
                        "the second policy never offloaded more frames");

                assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
                assertThat(numRestarts(jobId)).isZero();
            } finally {
                job.cancel().get();
            }
        }

        TreeMap<Long, Boolean> offloadedBySeq = new TreeMap<>();
        for (CollectingSink.Arrival<Frame> a : CollectingSink.<Frame>received("router-local")) {
            assertThat(offloadedBySeq.put(a.value().sequence(), false)).isNull();
        }
        for (CollectingSink.Arrival<Frame> a : CollectingSink.<Frame>received("router-cloud")) {
            assertThat(offloadedBySeq.put(a.value().sequence(), true)).isNull();
            assertThat(RouteStamp.last(a.value().stageTimes()).orElseThrow().link())
                    .isEqualTo("edge-1>cloud");
        }
        assertThat(offloadedBySeq.lastKey() - offloadedBySeq.firstKey() + 1)
                .as("frames are neither lost nor duplicated by the router")
                .isEqualTo(offloadedBySeq.size());

        // The policies switch at one frame each: before the first frame that contradicts a
        // fraction, every frame followed the previous one; from it on, the new one.
        long firstQuarter = firstContradicting(offloadedBySeq, 0.0, 0);
        long firstThreeQuarters = firstContradicting(offloadedBySeq, 0.25, firstQuarter);
        List<Long> late = new ArrayList<>();
        offloadedBySeq
                .tailMap(firstThreeQuarters)
                .forEach(
                        (seq, sent) -> {
                            if (sent != OffloadSplit.offloads(seq, 0.75)) {
                                late.add(seq);
                            }
                        });
        assertThat(late).as("frames after the switch to 0.75 that did not follow it").isEmpty();

        double quarterShare = share(offloadedBySeq, firstQuarter, firstThreeQuarters);
        double threeQuarterShare =
                share(offloadedBySeq, firstThreeQuarters, offloadedBySeq.lastKey() + 1);
        assertThat(quarterShare).isBetween(0.2, 0.3);
        assertThat(threeQuarterShare).isBetween(0.7, 0.8);
        LOG.info(
                "Router split: frames 0..{} local, {}..{} offloaded {}, {}..{} offloaded {}",
                firstQuarter - 1,
                firstQuarter,
                firstThreeQuarters - 1,
                String.format("%.3f", quarterShare),
                firstThreeQuarters,
                offloadedBySeq.lastKey(),
                String.format("%.3f", threeQuarterShare));
    }

    private static CameraPolicy policy(double fraction, long version) {
        return CameraPolicy.of("cam-1", 10, 1280, 720)
                .withOffload(new CameraPolicy.Offload("cloud", fraction))
                .withVersion(version);
    }

    /** The first sequence number from {@code from} on whose branch contradicts {@code fraction}. */
    private static long firstContradicting(
            TreeMap<Long, Boolean> offloadedBySeq, double fraction, long from) {
        return offloadedBySeq.tailMap(from).entrySet().stream()
                .filter(e -> e.getValue() != OffloadSplit.offloads(e.getKey(), fraction))
                .mapToLong(e -> e.getKey())
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no frame followed the policy after " + from));
    }

    private static double share(TreeMap<Long, Boolean> offloadedBySeq, long from, long to) {
        var range = offloadedBySeq.subMap(from, to);
        return range.values().stream().filter(b -> b).count() / (double) range.size();
    }

    @SuppressWarnings("unchecked")
    private static long numRestarts(JobID jobId) {
        return ((Gauge<Long>) REPORTER.findMetric(jobId, "numRestarts").orElseThrow()).getValue();
    }
}
