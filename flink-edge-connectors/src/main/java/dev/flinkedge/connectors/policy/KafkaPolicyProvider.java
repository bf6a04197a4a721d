package dev.flinkedge.connectors.policy;

import dev.flinkedge.connectors.model.CameraPolicy;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.util.Preconditions;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Follows the compacted policy topic (key = camera id, value = {@link PolicyJson}, null value =
 * policy withdrawn) and serves the newest policy of each camera. A daemon thread replays the topic
 * from its first offset and then tails it, without a consumer group: every provider sees every
 * policy, and nothing is committed. Creates the topic (compacted, one partition) if it is missing.
 *
 * <pre>{@code
 * Properties props = new Properties();
 * props.setProperty("bootstrap.servers", "localhost:9092");
 * try (KafkaPolicyProvider policies = KafkaPolicyProvider.start(props,
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
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

    private final String topic;
    private final InMemoryPolicyProvider view;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<TopicPartition, Long> catchUpOffsets;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;

    private KafkaPolicyProvider(
            Properties clientProps,
            String topic,
            int partitionCount,
            Function<String, CameraPolicy> defaults,
            Duration timeout) {
        this.topic = topic;
        this.view = new InMemoryPolicyProvider(defaults);
        Properties props = new Properties();
        props.putAll(clientProps);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "flinkedge-policies-" + topic);
        this.consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions =
                IntStream.range(0, partitionCount)
                        .mapToObj(p -> new TopicPartition(topic, p))
                        .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.catchUpOffsets = new HashMap<>(consumer.endOffsets(partitions, timeout));
        this.thread = new Thread(this::run, "flinkedge-policy-tail-" + topic);
        this.thread.setDaemon(true);
    }

    /**
     * Creates the topic if needed, starts following it and waits until every policy published
     * before the call is known.
     *
     * @param clientProps Kafka client properties, at least {@code bootstrap.servers}; a {@code
     *     group.id} is ignored
     * @param topic the policy topic, usually {@link #DEFAULT_TOPIC}
     * @param defaults the policy of a camera without a published one
     * @param timeout how long to wait for Kafka and for the replay
     * @throws IllegalStateException if Kafka is unreachable or the replay does not finish in time
     */
    public static KafkaPolicyProvider start(
            Properties clientProps,
            String topic,
            Function<String, CameraPolicy> defaults,
            Duration timeout)
            throws InterruptedException {
        Preconditions.checkNotNull(clientProps, "clientProps");
        Preconditions.checkNotNull(topic, "topic");
        Preconditions.checkNotNull(defaults, "defaults");
        String servers = clientProps.getProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
        Preconditions.checkArgument(
                servers != null && !servers.isBlank(),
                "Property %s is required but not provided",
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
        PolicyJson.warmUp();
        int partitionCount = PolicyTopic.ensure(clientProps, topic, timeout);
        KafkaPolicyProvider provider =
                new KafkaPolicyProvider(clientProps, topic, partitionCount, defaults, timeout);
        provider.thread.start();
        if (!provider.caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            Throwable cause = provider.failure;
            provider.close();
            throw new IllegalStateException(
                    "Could not read policy topic '"
                            + topic
                            + "' at "
                            + servers
                            + " within "
                            + timeout
                            + (cause == null ? "" : ": " + cause.getMessage()),
                    cause);
        }
        LOG.info(
                "Following policy topic '{}' at {}: {} partition(s) replayed",
                topic,
                servers,
                provider.catchUpOffsets.size());
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

    /** The error that stopped the tailing thread, or null while it runs. */
    public Throwable failure() {
        return failure;
    }

    private void run() {
        try {
            markCaughtUpIfDone();
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL_TIMEOUT)) {
                    apply(r);
                }
                markCaughtUpIfDone();
            }
        } catch (WakeupException e) {
            if (running) {
                failure = e;
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error(
                    "Stopped following policy topic '{}'; sources keep the last policies",
                    topic,
                    e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            stopped.countDown();
        }
    }

    private void markCaughtUpIfDone() {
        if (caughtUp.getCount() == 0) {
            return;
        }
        for (Map.Entry<TopicPartition, Long> e : catchUpOffsets.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return;
            }
        }
        caughtUp.countDown();
    }

    private void apply(ConsumerRecord<byte[], byte[]> r) {
        PolicyJson.readRecord(r)
                .ifPresent(
                        change -> {
                            if (change.policy() == null) {
                                LOG.debug("Policy of camera '{}' withdrawn", change.cameraId());
                                view.remove(change.cameraId());
                            } else {
                                LOG.debug(
                                        "Policy of camera '{}' is now {}",
                                        change.cameraId(),
                                        change.policy());
                                view.update(change.policy());
                            }
                        });
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            if (thread.isAlive() && !stopped.await(10, TimeUnit.SECONDS)) {
                LOG.warn("Policy topic reader for '{}' did not stop within 10 s", topic);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        view.close();
    }
}
