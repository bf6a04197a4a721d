package dev.flinkedge.connectors.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.kafka.KafkaClientConfig;

import org.apache.flink.core.testutils.CommonTestUtils;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link PolicyPublisher} and {@link KafkaPolicyProvider} against a real broker. */
class KafkaPolicyProviderITCase {

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger TOPICS = new AtomicInteger();

    private static CameraPolicy defaults(String cameraId) {
        return CameraPolicy.of(cameraId, 10, 1280, 720);
    }

    @Test
    void createsACompactedTopicAndReplaysPoliciesPublishedEarlier() throws Exception {
        String topic = newTopic();
        CameraPolicy p1 = CameraPolicy.of("cam-1", 2, 640, 360).withVersion(1);
        CameraPolicy p2 = CameraPolicy.of("cam-1", 4, 320, 180).withVersion(2);
        CameraPolicy other = CameraPolicy.of("cam-2", 1, 320, 180).withVersion(1);
        try (PolicyPublisher publisher = PolicyPublisher.create(kafka(), topic, TIMEOUT)) {
            publisher.publish(p1);
            publisher.publish(other);
            publisher.publish(p2);
        }

        try (KafkaPolicyProvider provider =
                KafkaPolicyProvider.start(
                        kafka(), topic, KafkaPolicyProviderITCase::defaults, TIMEOUT)) {
            assertThat(provider.current("cam-1")).isEqualTo(p2);
            assertThat(provider.current("cam-2")).isEqualTo(other);
            assertThat(provider.current("cam-3")).isEqualTo(defaults("cam-3"));
            assertThat(provider.published("cam-3")).isEmpty();
            assertThat(provider.cameras()).containsExactlyInAnyOrder("cam-1", "cam-2");
        }
        assertThat(cleanupPolicy(topic)).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
    }

    @Test
    void followsLiveChangesAndWithdrawalsWithoutAConsumerGroup() throws Exception {
        String topic = newTopic();
        List<String> events = new CopyOnWriteArrayList<>();
        try (PolicyPublisher publisher = PolicyPublisher.create(kafka(), topic, TIMEOUT);
                KafkaPolicyProvider provider =
                        KafkaPolicyProvider.start(
                                kafka(), topic, KafkaPolicyProviderITCase::defaults, TIMEOUT);
                KafkaPolicyProvider second =
                        KafkaPolicyProvider.start(
                                kafka(), topic, KafkaPolicyProviderITCase::defaults, TIMEOUT)) {
            provider.addListener(
                    (cam, p) -> events.add(cam + ":" + (p == null ? "-" : p.version())));
            CameraPolicy p = CameraPolicy.of("cam-1", 2, 640, 360).withVersion(5);

            publisher.publish(p);
            CommonTestUtils.waitUtil(
                    () -> provider.published("cam-1").isPresent(), TIMEOUT, "policy never arrived");
            CommonTestUtils.waitUtil(
                    () -> second.published("cam-1").isPresent(),
                    TIMEOUT,
                    "second provider never saw the policy");

            assertThat(provider.current("cam-1")).isEqualTo(p);

            publisher.clear("cam-1");
            CommonTestUtils.waitUtil(
                    () -> provider.published("cam-1").isEmpty(),
                    TIMEOUT,
                    "withdrawal never arrived");
            assertThat(provider.current("cam-1")).isEqualTo(defaults("cam-1"));
            assertThat(provider.cameras()).isEmpty();
            assertThat(events).containsExactly("cam-1:5", "cam-1:-");
            try (Admin admin = Admin.create(props())) {
                assertThat(admin.listGroups().all().get(30, TimeUnit.SECONDS)).isEmpty();
            }
        }
    }

    @Test
    void skipsUnreadableAndMismatchedRecords() throws Exception {
        String topic = newTopic();
        try (PolicyPublisher publisher = PolicyPublisher.create(kafka(), topic, TIMEOUT);
                KafkaProducer<byte[], byte[]> raw =
                        new KafkaProducer<>(
                                props(), new ByteArraySerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topic, bytes("cam-1"), bytes("{not json"))).get();
            raw.send(
                            new ProducerRecord<>(
                                    topic,
                                    bytes("cam-2"),
                                    PolicyJson.encode(CameraPolicy.of("cam-3", 1, 10, 10))))
                    .get();
            publisher.publish(CameraPolicy.of("cam-4", 3, 320, 180));
        }

        try (KafkaPolicyProvider provider =
                KafkaPolicyProvider.start(
                        kafka(), topic, KafkaPolicyProviderITCase::defaults, TIMEOUT)) {
            assertThat(provider.published("cam-1")).isEmpty();
            assertThat(provider.published("cam-2")).isEmpty();
            assertThat(provider.published("cam-3")).isEmpty();
            assertThat(provider.current("cam-4").fps()).isEqualTo(3);
        }
    }

    @Test
    void ignoresBackwardVersionsValuesOutOfRangeAndMalformedRecords() throws Exception {
        String topic = newTopic();
        List<String> events = new CopyOnWriteArrayList<>();
        try (PolicyPublisher publisher = PolicyPublisher.create(kafka(), topic, TIMEOUT);
                KafkaProducer<byte[], byte[]> raw =
                        new KafkaProducer<>(
                                props(), new ByteArraySerializer(), new ByteArraySerializer());
                KafkaPolicyProvider provider =
                        KafkaPolicyProvider.start(
                                kafka(), topic, KafkaPolicyProviderITCase::defaults, TIMEOUT)) {
            provider.addListener((cam, p) -> events.add(cam + ":" + p.version()));
            publisher.publish(CameraPolicy.of("cam-1", 2, 640, 360).withVersion(5));
            publisher.publish(CameraPolicy.of("cam-1", 4, 640, 360).withVersion(3));
            publisher.publish(CameraPolicy.of("cam-1", 2, 640, 360).withVersion(5));
            publisher.publish(CameraPolicy.of("cam-1", 0.05, 640, 360).withVersion(6));
            raw.send(new ProducerRecord<>(topic, bytes("cam-1"), bytes("{\"fps\":"))).get();
            raw.send(
                            new ProducerRecord<>(
                                    topic,
                                    bytes("cam-1"),
                                    bytes(
                                            "{\"cameraId\":\"cam-1\",\"fps\":2,\"width\":64,"
                                                    + "\"height\":36,\"offload\":{\"targetSite\":"
                                                    + "\"s\",\"fraction\":1.5},\"version\":8}")))
                    .get();
            CameraPolicy last = CameraPolicy.of("cam-1", 1, 320, 180).withVersion(7);
            publisher.publish(last);
            CommonTestUtils.waitUtil(
                    () -> provider.current("cam-1").equals(last),
                    TIMEOUT,
                    "policy 7 never arrived");

            assertThat(events).containsExactly("cam-1:5", "cam-1:7");
            // COUNTER
        }
    }

    @Test
    void usesAnExistingTopicThatIsNotCompactedAndRejectsMissingServers() throws Exception {
        String topic = newTopic();
        try (Admin admin = Admin.create(props())) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(topic, 1, (short) 1)
                                            .configs(
                                                    Map.of(
                                                            TopicConfig.CLEANUP_POLICY_CONFIG,
                                                            TopicConfig.CLEANUP_POLICY_DELETE))))
                    .all()
                    .get();
        }
        try (KafkaPolicyProvider provider =
                KafkaPolicyProvider.start(
                        kafka(), topic, KafkaPolicyProviderITCase::defaults, TIMEOUT)) {
            assertThat(provider.current("cam-1")).isEqualTo(defaults("cam-1"));
        }

        assertThatThrownBy(
                        () ->
                                KafkaPolicyProvider.start(
                                        null, topic, KafkaPolicyProviderITCase::defaults, TIMEOUT))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("kafka");
    }

    private static String newTopic() {
        return "policies-" + TOPICS.incrementAndGet();
    }

    private static KafkaClientConfig kafka() {
        return KafkaClientConfig.of(KAFKA.bootstrapServers());
    }

    private static Properties props() {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", KAFKA.bootstrapServers());
        return p;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String cleanupPolicy(String topic) throws Exception {
        try (Admin admin = Admin.create(props())) {
            ConfigResource res = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config c = admin.describeConfigs(List.of(res)).all().get().get(res);
            return c.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        }
    }
}
