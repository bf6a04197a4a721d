package dev.flinkedge.connectors.source.camera;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.policy.PolicyPublisher;
import dev.flinkedge.connectors.testutil.EdgeTestEnvironment;
import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.kafka.KafkaClientConfig;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.testutils.CommonTestUtils;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
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
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A running camera job follows a policy published to Kafka: within one second the frames shrink to
 * the new size and the rate drops to the new frame rate, in the same job, without a restart.
 */
class CameraSourcePolicyITCase {

    private static final Logger LOG = LoggerFactory.getLogger(CameraSourcePolicyITCase.class);
    private static final InMemoryReporter REPORTER = InMemoryReporter.create();

    @Order(1)
    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @Order(2)
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            EdgeTestEnvironment.oneSlotReportingTo(REPORTER);

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Queue<Seen> SEEN = new ConcurrentLinkedQueue<>();

    /** A frame as it left the source, with the wall time it was seen. */
    record Seen(long sequence, int width, int height, long captureTimeMs, long seenAtMs) {}

    @Test
    void aPublishedPolicyChangesRateAndSizeWithinOneSecondWithoutRestart(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        String topic = "policies-camera-it";
        Properties props = new Properties();
        props.setProperty("bootstrap.servers", KAFKA.bootstrapServers());
        StreamExecutionEnvironment env = EdgeTestEnvironment.lowLatency(cluster);
        CameraSource source =
                CameraSource.builder()
                        .setCameras(
                                List.of(
                                        new CameraDevice(
                                                "cam-live",
                                                new GeoPoint(51.5, -0.12),
                                                CameraSpec.synthetic(9, 10, 1280, 720))))
                        .setPolicyBootstrapServers(KAFKA.bootstrapServers())
                        .setPolicyTopic(topic)
                        .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "camera")
                .map(
                        f -> {
                            SEEN.add(
                                    new Seen(
                                            f.sequence(),
                                            f.width(),
                                            f.height(),
                                            f.captureTimeMs(),
                                            System.currentTimeMillis()));
                            return f;
                        })
                .returns(Frame.class)
                .sinkTo(new DiscardingSink<>());

        try (PolicyPublisher publisher =
                PolicyPublisher.create(
                        KafkaClientConfig.of(KAFKA.bootstrapServers()), topic, TIMEOUT)) {
            JobClient job = env.executeAsync("policy-switch");
            JobID jobId = job.getJobID();
            try {
                CommonTestUtils.waitUtil(
                        () -> count(1280, 720) >= 8,
                        TIMEOUT,
                        "the camera never delivered native frames");

                long publishStart = System.currentTimeMillis();
                publisher.publish(CameraPolicy.of("cam-live", 2, 640, 360).withVersion(1));
                long published = System.currentTimeMillis();
                CommonTestUtils.waitUtil(
                        () -> count(640, 360) >= 7,
                        TIMEOUT,
                        "the camera never delivered 7 frames of the new policy");

                List<Seen> seen = new ArrayList<>(SEEN);
                Seen firstSmall =
                        seen.stream().filter(s -> s.width() == 640).findFirst().orElseThrow();
                long latency = firstSmall.seenAtMs() - published;
                assertThat(latency)
                        .as("acknowledged publish to first 640x360 frame, ms")
                        .isLessThan(1000);
                assertThat(seen)
                        .filteredOn(s -> s.captureTimeMs() > published + 1000)
                        .allSatisfy(s -> assertThat(s.height()).isEqualTo(360));

                List<Seen> small = seen.stream().filter(s -> s.width() == 640).toList();
                List<Seen> measured = small.subList(0, 7);
                double fps =
                        6
                                * 1000.0
                                / (measured.get(6).captureTimeMs()
                                        - measured.get(0).captureTimeMs());
                assertThat(fps).as("frame rate after the policy").isBetween(1.7, 2.3);
                Seen lastLarge = seen.get(seen.indexOf(firstSmall) - 1);
                long gapMs = firstSmall.captureTimeMs() - lastLarge.captureTimeMs();
                for (int i = 1; i < seen.size(); i++) {
                    assertThat(seen.get(i).sequence()).isEqualTo(seen.get(i - 1).sequence() + 1);
                }

                assertThat(job.getJobID()).isEqualTo(jobId);
                assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
                assertThat(numRestarts(jobId)).isZero();
                LOG.info(
                        "Policy switch: publish took {} ms; first 640x360 frame seen {} ms after"
                                + " the acknowledged publish ({} ms after the call; captured {} ms"
                                + " after the call); {} fps over 7 frames after; {} ms between the"
                                + " last old and the first new frame",
                        published - publishStart,
                        latency,
                        firstSmall.seenAtMs() - publishStart,
                        firstSmall.captureTimeMs() - publishStart,
                        String.format("%.2f", fps),
                        gapMs);
            } finally {
                job.cancel().get();
            }
        }
    }

    private static long count(int width, int height) {
        return SEEN.stream().filter(s -> s.width() == width && s.height() == height).count();
    }

    @SuppressWarnings("unchecked")
    private static long numRestarts(JobID jobId) {
        Metric metric = REPORTER.findMetric(jobId, "numRestarts").orElseThrow();
        return ((Gauge<Long>) metric).getValue();
    }
}
