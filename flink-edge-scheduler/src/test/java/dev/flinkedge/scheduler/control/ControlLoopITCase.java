package dev.flinkedge.scheduler.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.metrics.CameraMetricsWindow;
import dev.flinkedge.connectors.metrics.MetricsJson;
import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.policy.KafkaPolicyProvider;
import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.registry.testutil.Wait;

import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * The control loop against a real broker: metrics windows written to the metrics topic make it
 * publish the policies the scheduling policy calls for, as records on the policy topic.
 */
class ControlLoopITCase {

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void metricsOnTheTopicMakeTheLoopPublishTheExpectedPolicy() throws Exception {
        String metricsTopic = "metrics-loop-it";
        String policyTopic = "policies-loop-it";
        Configuration conf = conf(metricsTopic, policyTopic, Duration.ofSeconds(2));
        long now = System.currentTimeMillis();
        try (MetricsView view = MetricsView.start(kafka(), metricsTopic, Duration.ofMinutes(1));
                PolicyStore store = PolicyStore.kafka(kafka(), policyTopic, TIMEOUT);
                ControlLoop loop = loop(conf, view, store)) {
            send(
                    metricsTopic,
                    Plants.window("cam-1", "edge-1", "edge-1", now, 900),
                    // At another site: slo-feedback couples the cameras processed at one site.
                    Plants.window("cam-2", "edge-2", "edge-2", now, 100));
            Wait.until(() -> view.latest().size() == 2, TIMEOUT, "the view to see both cameras");

            ControlLoop.Step step = loop.step();

            // p95 900 ms > SLO 500 ms: budget 1 × min(0.5, 0.8 × 500 / 900) = 0.444, whose
            // costliest rung is 1280x720 at 4 fps (cost 0.4). cam-2 is well under and keeps the
            // best configuration, published once so that it follows an explicit policy.
            CameraPolicy expected =
                    new CameraPolicy("cam-1", 4.0, 1280, 720, CameraPolicy.Offload.NONE, 1);
            CameraPolicy best =
                    new CameraPolicy("cam-2", 10.0, 1280, 720, CameraPolicy.Offload.NONE, 1);
            assertThat(step.published()).containsExactly(expected, best);
            assertThat(step.input().policies()).containsOnlyKeys("cam-1", "cam-2");
            try (KafkaPolicyProvider topic =
                    KafkaPolicyProvider.start(kafka(), policyTopic, cam -> null, TIMEOUT)) {
                assertThat(topic.published("cam-1")).contains(expected);
                assertThat(topic.published("cam-2")).contains(best);
            }

            // Still 900 ms a period later, not falling: another cut, version 2.
            send(metricsTopic, Plants.window("cam-1", "edge-1", "edge-1", now + 2000, 900));
            Wait.until(
                    () -> view.latest().get("cam-1").windowEndMs() == now + 2000,
                    TIMEOUT,
                    "the view to see cam-1's next window");
            List<CameraPolicy> next = loop.step().published();
            assertThat(next).extracting(CameraPolicy::cameraId).containsExactly("cam-1");
            CameraPolicy second = next.get(0);
            assertThat(second.version()).isEqualTo(2);
            assertThat(VideoConfig.of(second).pixelRate())
                    .isLessThan(VideoConfig.of(expected).pixelRate());
        }
    }

    @Test
    void startedItDecidesEveryPeriodOnItsOwn() throws Exception {
        String metricsTopic = "metrics-loop-it-2";
        String policyTopic = "policies-loop-it-2";
        Configuration conf = conf(metricsTopic, policyTopic, Duration.ofMillis(200));
        conf.set(ControlOptions.POLICY, "fixed");
        conf.set(ControlOptions.MAX_FPS, 5.0);
        try (MetricsView view = MetricsView.start(kafka(), metricsTopic, Duration.ofMinutes(1));
                PolicyStore store = PolicyStore.kafka(kafka(), policyTopic, TIMEOUT);
                ControlLoop loop = loop(conf, view, store);
                KafkaPolicyProvider topic =
                        KafkaPolicyProvider.start(kafka(), policyTopic, cam -> null, TIMEOUT)) {
            loop.start();
            send(
                    metricsTopic,
                    Plants.window("cam-3", "edge-1", "edge-1", System.currentTimeMillis(), 100));

            Wait.until(
                    () -> topic.published("cam-3").isPresent(),
                    TIMEOUT,
                    "the running loop to publish cam-3's policy");

            assertThat(topic.published("cam-3"))
                    .contains(new CameraPolicy("cam-3", 5.0, 1280, 720, null, 1));
        }
    }

    @Test
    void aRegisteredCameraIsHeldAtTheAdmissionConfigurationUntilItReports() throws Exception {
        String metricsTopic = "metrics-loop-it-3";
        String policyTopic = "policies-loop-it-3";
        Configuration conf = conf(metricsTopic, policyTopic, Duration.ofSeconds(2));
        conf.set(ControlOptions.POLICY, "fixed");
        long now = System.currentTimeMillis();
        CameraPolicy.Offload toCloud = new CameraPolicy.Offload("cloud", 1.0);
        try (MetricsView view = MetricsView.start(kafka(), metricsTopic, Duration.ofMinutes(1));
                PolicyStore store = PolicyStore.kafka(kafka(), policyTopic, TIMEOUT);
                ControlLoop loop = loop(conf, view, store)) {
            store.publish(CameraPolicy.of("cam-new", 10.0, 1280, 720).withOffload(toCloud));
            send(metricsTopic, Plants.window("cam-old", "edge-1", "edge-1", now, 100));
            Wait.until(() -> store.cameras().contains("cam-new"), TIMEOUT, "the registration");
            Wait.until(() -> view.latest().size() == 1, TIMEOUT, "the view to see cam-old");

            ControlLoop.Step first = loop.step();

            // Defaults: half the best 1280x720 at a quarter of its 10 fps; the offload stays.
            CameraPolicy held = new CameraPolicy("cam-new", 2.5, 640, 360, toCloud, 1);
            assertThat(first.published())
                    .containsExactly(held, new CameraPolicy("cam-old", 10.0, 1280, 720, null, 1));
            assertThat(first.input().policies()).containsOnlyKeys("cam-old");
            assertThat(loop.step().published()).isEmpty();

            // Its first window hands it to the policy, which (fixed) sets the best configuration.
            send(metricsTopic, Plants.window("cam-new", "edge-1", "cloud", now + 2000, 100));
            Wait.until(
                    () -> view.latest().containsKey("cam-new"), TIMEOUT, "cam-new's first window");
            assertThat(loop.step().published())
                    .containsExactly(new CameraPolicy("cam-new", 10.0, 1280, 720, toCloud, 2));
        }
    }

    private static ControlLoop loop(Configuration conf, MetricsView view, PolicyStore store)
            throws Exception {
        return new ControlLoop(
                SchedulingPolicies.create(conf, null),
                ControlSettings.from(conf),
                view,
                SiteLoadSource.NONE,
                LinkBandwidths::none,
                store,
                null,
                System::currentTimeMillis);
    }

    private static Configuration conf(String metricsTopic, String policyTopic, Duration period) {
        Configuration conf = Plants.conf(SloFeedbackPolicy.NAME);
        conf.set(ControlOptions.PERIOD, period);
        conf.set(ControlOptions.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        conf.set(ControlOptions.METRICS_TOPIC, metricsTopic);
        conf.set(ControlOptions.POLICY_TOPIC, policyTopic);
        return conf;
    }

    private static void send(String topic, CameraMetricsWindow... windows) throws Exception {
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props(), new StringSerializer(), new ByteArraySerializer())) {
            for (CameraMetricsWindow w : List.of(windows)) {
                producer.send(new ProducerRecord<>(topic, w.cameraId(), MetricsJson.encode(w)))
                        .get();
            }
        }
    }

    private static KafkaClientConfig kafka() {
        return KafkaClientConfig.of(KAFKA.bootstrapServers());
    }

    private static Properties props() {
        Properties props = new Properties();
        props.setProperty("bootstrap.servers", KAFKA.bootstrapServers());
        return props;
    }
}
