package dev.flinkedge.connectors.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.policy.PolicyChange;
import dev.flinkedge.connectors.routing.OffloadRouter;
import dev.flinkedge.connectors.testutil.EdgeTestEnvironment;
import dev.flinkedge.connectors.testutil.PacedFrames;
import dev.flinkedge.kafka.EmbeddedKafkaExtension;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.testutils.CommonTestUtils;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A pipeline with an offload router and pipeline metrics publishes per-camera windows to Kafka:
 * frames per site, bytes on the offload link, drops from sequence gaps, latency percentiles; and
 * the same numbers as Flink gauges.
 */
class PipelineMetricsITCase {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineMetricsITCase.class);
    private static final InMemoryReporter REPORTER = InMemoryReporter.create();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String TOPIC = "metrics-it";

    @Order(1)
    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @Order(2)
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            EdgeTestEnvironment.oneSlotReportingTo(REPORTER);

    @Test
    void publishesPerCameraWindowsWithSitesLinksAndDrops(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        StreamExecutionEnvironment env = EdgeTestEnvironment.lowLatency(cluster);
        DataStream<PolicyChange> policies =
                env.fromData(
                        List.of(
                                new PolicyChange(
                                        "cam-1",
                                        CameraPolicy.of("cam-1", 50, 64, 48)
                                                .withOffload(
                                                        new CameraPolicy.Offload("cloud", 0.5)))),
                        TypeInformation.of(PolicyChange.class));
        // cam-2 loses every tenth frame before the router: a gap in its sequence numbers.
        DataStream<Frame> frames =
                PacedFrames.of(env, 100, "cam-1", "cam-2")
                        .filter(f -> !(f.cameraId().equals("cam-2") && f.sequence() % 10 == 3));
        OffloadRouter.Routed routed =
                OffloadRouter.builder()
                        .setLocalSite("edge-1")
                        .setTargetSites(List.of("cloud"))
                        .build()
                        .route(frames, policies);
        DataStream<Frame> results = routed.local().union(routed.offloadedTo("cloud"));
        PipelineMetrics.<Frame>builder()
                .setBootstrapServers(KAFKA.bootstrapServers())
                .setTopic(TOPIC)
                .setPeriod(Duration.ofMillis(500))
                .build()
                .attachTo(results);

        List<CameraMetricsWindow> windows = new ArrayList<>();
        JobClient job = env.executeAsync("pipeline-metrics");
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            CommonTestUtils.waitUtil(
                    () -> {
                        for (ConsumerRecord<String, byte[]> r :
                                consumer.poll(Duration.ofMillis(200))) {
                            CameraMetricsWindow w = decode(r.value());
                            assertThat(r.key()).isEqualTo(w.cameraId());
                            windows.add(w);
                        }
                        return full(windows, "cam-1") >= 4 && full(windows, "cam-2") >= 4;
                    },
                    TIMEOUT,
                    "four windows with frames per camera never arrived");
            assertThat(p95Gauge("cam-1").getValue()).isFinite().isGreaterThanOrEqualTo(0);
        } finally {
            job.cancel().get();
        }

        List<CameraMetricsWindow> cam1 = steady(windows, "cam-1");
        List<CameraMetricsWindow> cam2 = steady(windows, "cam-2");
        for (CameraMetricsWindow w : cam1) {
            assertThat(w.sourceSite()).isEqualTo("edge-1");
            assertThat(w.sites()).containsOnlyKeys("edge-1", "cloud");
            assertThat(w.linkBytes()).containsOnlyKeys("edge-1>cloud");
            assertThat(w.linkBytes().get("edge-1>cloud")).isPositive();
            assertThat(w.droppedFrames()).isZero();
            assertThat(w.p50LatencyMs()).isLessThanOrEqualTo(w.p95LatencyMs());
        }
        for (CameraMetricsWindow w : cam2) {
            assertThat(w.sites()).containsOnlyKeys("edge-1");
            assertThat(w.linkBytes()).isEmpty();
        }
        long cam1Cloud = cam1.stream().mapToLong(w -> w.sites().get("cloud").frames()).sum();
        long cam1Frames = cam1.stream().mapToLong(CameraMetricsWindow::frames).sum();
        // Drops are counted one window late, so compare over all of cam-2's windows.
        List<CameraMetricsWindow> allCam2 =
                windows.stream().filter(w -> w.cameraId().equals("cam-2")).toList();
        long cam2Dropped = allCam2.stream().mapToLong(CameraMetricsWindow::droppedFrames).sum();
        long cam2Frames = allCam2.stream().mapToLong(CameraMetricsWindow::frames).sum();
        assertThat(cam1Cloud / (double) cam1Frames).isBetween(0.4, 0.6);
        assertThat(cam2Dropped / (double) (cam2Frames + cam2Dropped)).isBetween(0.05, 0.15);
        LOG.info(
                "Metrics windows: cam-1 {} frames, {} in the cloud, fps {}, p95 {} ms;"
                        + " cam-2 {} frames, {} dropped",
                cam1Frames,
                cam1Cloud,
                cam1.stream().map(CameraMetricsWindow::fps).toList(),
                cam1.stream().map(CameraMetricsWindow::p95LatencyMs).toList(),
                cam2Frames,
                cam2Dropped);
    }

    private static long full(List<CameraMetricsWindow> windows, String camera) {
        return steady(windows, camera).size();
    }

    /** The camera's windows with frames after its first (partial) one. */
    private static List<CameraMetricsWindow> steady(
            List<CameraMetricsWindow> windows, String camera) {
        List<CameraMetricsWindow> of =
                windows.stream().filter(w -> w.cameraId().equals(camera) && w.hasFrames()).toList();
        return of.isEmpty() ? of : of.subList(1, of.size());
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.setProperty("bootstrap.servers", KAFKA.bootstrapServers());
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        return consumer;
    }

    private static CameraMetricsWindow decode(byte[] json) {
        try {
            return MetricsJson.decode(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("unreadable metrics window", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Gauge<Double> p95Gauge(String camera) {
        return REPORTER.getMetricsByGroup().entrySet().stream()
                .filter(e -> List.of(e.getKey().getScopeComponents()).contains(camera))
                .map(e -> (Gauge<Double>) e.getValue().get("latencyP95Ms"))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no latencyP95Ms gauge of " + camera));
    }
}
