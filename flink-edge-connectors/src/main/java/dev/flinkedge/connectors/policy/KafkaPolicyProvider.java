package dev.flinkedge.connectors.policy;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.kafka.TopicTail;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.util.Preconditions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Follows the compacted policy topic (key = camera id, value = {@link PolicyJson}, null value =
 * policy withdrawn) and serves the newest policy of each camera. A daemon thread replays the topic
 * from its first offset and then tails it, without a consumer group: every provider sees every
 * policy, and nothing is committed. Creates the topic (compacted, one partition) if it is missing.
 *
 * <pre>{@code
 * try (KafkaPolicyProvider policies = KafkaPolicyProvider.start(KafkaClientConfig.of("localhost:9092"),
 *         KafkaPolicyProvider.DEFAULT_TOPIC, cam -> CameraPolicy.of(cam, 10, 1280, 720),
 *         Duration.ofSeconds(30))) {
 *     policies.current("cam-1");
 * }
 * }</pre>
 */
@PublicEvolving
public final class KafkaPolicyProvider implements PolicyProvider {

    /** The policy topic unless configured otherwise. */
    public static final String DEFAULT_TOPIC = "_flinkedge_policies";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaPolicyProvider.class);

    private final InMemoryPolicyProvider view;
    private final AtomicLong rejected = new AtomicLong();
    private TopicTail<byte[], byte[]> tail;

    private KafkaPolicyProvider(Function<String, CameraPolicy> defaults) {
        this.view = new InMemoryPolicyProvider(defaults);
    }

    /**
     * Creates the topic if needed, starts following it and waits until every policy published
     * before the call is known.
     *
     * @param kafka how to reach the Kafka cluster; a {@code group.id} is ignored
     * @param topic the policy topic, usually {@link #DEFAULT_TOPIC}
     * @param defaults the policy of a camera without a published one
     * @param timeout how long to wait for Kafka and for the replay
     * @throws IllegalStateException if Kafka is unreachable or the replay does not finish in time
     */
    public static KafkaPolicyProvider start(
            KafkaClientConfig kafka,
            String topic,
            Function<String, CameraPolicy> defaults,
            Duration timeout)
            throws InterruptedException {
        Preconditions.checkNotNull(kafka, "kafka");
        Preconditions.checkNotNull(topic, "topic");
        Preconditions.checkNotNull(defaults, "defaults");
        PolicyJson.warmUp();
        int partitionCount = PolicyTopic.ensure(kafka, topic, timeout);
        KafkaPolicyProvider provider = new KafkaPolicyProvider(defaults);
        provider.tail =
                TopicTail.builder(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                        .clientConfig(kafka)
                        .name("flinkedge-policy-tail-" + topic)
                        .defaultClientId("flinkedge-policies-" + topic)
                        .fromBeginning()
                        .partitionCount(partitionCount)
                        .timeout(timeout)
                        .onRecord(provider::apply)
                        .start();
        if (!provider.tail.awaitCaughtUp(timeout)) {
            Throwable cause = provider.tail.failure();
            provider.close();
            throw new IllegalStateException(
                    "Could not read policy topic '"
                            + topic
                            + "' at "
                            + kafka.bootstrapServers()
                            + " within "
                            + timeout
                            + (cause == null ? "" : ": " + cause.getMessage()),
                    cause);
        }
        LOG.info(
                "Following policy topic '{}' at {}: {} partition(s) replayed",
                topic,
                kafka.bootstrapServers(),
                partitionCount);
        return provider;
    }

    @Override
    public CameraPolicy current(String cameraId) {
        return view.current(cameraId);
    }

    @Override
    public Optional<CameraPolicy> published(String cameraId) {
        return view.published(cameraId);
    }

    @Override
    public Set<String> cameras() {
        return view.cameras();
    }

    @Override
    public AutoCloseable addListener(PolicyListener listener) {
        return view.addListener(listener);
    }

    /**
     * Policy records ignored so far: unreadable, keyless or mismatched records, and policies that
     * fail {@link PolicyRules#rejection(CameraPolicy, CameraPolicy)}.
     */
    @Override
    public long policiesRejected() {
        return rejected.get();
    }

    /** The error that stopped the tailing thread, or null while it runs. */
    public Throwable failure() {
        return tail.failure();
    }

    /**
     * Runs on the tail's thread: a null policy (tombstone) withdraws the camera's policy; a record
     * that is unreadable or breaks a {@link PolicyRules rule} is ignored and counted, never fatal.
     */
    private void apply(ConsumerRecord<byte[], byte[]> r) {
        Optional<PolicyChange> read = PolicyJson.readRecord(r);
        if (read.isEmpty()) {
            // PolicyJson logged why.
            rejected.incrementAndGet();
            return;
        }
        PolicyChange change = read.get();
        if (change.policy() == null) {
            LOG.debug("Policy of camera '{}' withdrawn", change.cameraId());
            view.remove(change.cameraId());
            return;
        }
        Optional<String> rejection =
                PolicyRules.rejection(
                        change.policy(), view.published(change.cameraId()).orElse(null));
        if (rejection.isPresent()) {
            rejected.incrementAndGet();
            LOG.warn(
                    "Ignoring policy of camera '{}' at {}-{}@{}: {}",
                    change.cameraId(),
                    r.topic(),
                    r.partition(),
                    r.offset(),
                    rejection.get());
            return;
        }
        LOG.debug("Policy of camera '{}' is now {}", change.cameraId(), change.policy());
        view.update(change.policy());
    }

    @Override
    public void close() {
        tail.close();
        view.close();
    }
}
