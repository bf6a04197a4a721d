package dev.flinkedge.connectors.policy;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.kafka.KafkaClientConfig;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.util.Preconditions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes camera policies to the policy topic (key = camera id, value = {@link PolicyJson}), where
 * every {@link KafkaPolicyProvider} picks them up. Each call returns once the broker acknowledged
 * the record ({@code acks=all}, one request in flight so records stay in order). Thread-safe.
 *
 * <pre>{@code
 * try (PolicyPublisher publisher = PolicyPublisher.create(kafka, KafkaPolicyProvider.DEFAULT_TOPIC,
 *         Duration.ofSeconds(10))) {
 *     publisher.publish(CameraPolicy.of("cam-1", 2, 640, 360).withVersion(2));
 * }
 * }</pre>
 */
@PublicEvolving
public final class PolicyPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyPublisher.class);

    private final String topic;
    private final String servers;
    private final Duration timeout;
    private final KafkaProducer<String, byte[]> producer;

    private PolicyPublisher(KafkaClientConfig kafka, String topic, Duration timeout) {
        this.topic = topic;
        this.servers = kafka.bootstrapServers();
        this.timeout = timeout;
        Properties props = kafka.toProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // Each publish waits for its ack, so one request in flight keeps records in order; a
        // duplicate after a retry re-applies the same policy, which is harmless. Without
        // idempotence the first publish needs no producer-id round trip.
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "flinkedge-policy-publisher-" + topic);
        this.producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Creates the topic if needed and opens a producer that already knows the topic's leader.
     *
     * @param kafka how to reach the Kafka cluster
     * @param topic the policy topic, usually {@link KafkaPolicyProvider#DEFAULT_TOPIC}
     * @param timeout how long to wait for Kafka on creation and on every publish
     */
    public static PolicyPublisher create(KafkaClientConfig kafka, String topic, Duration timeout)
            throws InterruptedException {
        Preconditions.checkNotNull(kafka, "kafka");
        Preconditions.checkNotNull(topic, "topic");
        PolicyTopic.ensure(kafka, topic, timeout);
        PolicyJson.warmUp();
        PolicyPublisher publisher = new PolicyPublisher(kafka, topic, timeout);
        // Fetch the topic's metadata now so that the first publish is one round trip, not three.
        publisher.producer.partitionsFor(topic);
        return publisher;
    }

    /**
     * Publishes {@code policy} as the newest policy of its camera.
     *
     * @throws IllegalStateException if Kafka does not acknowledge within the timeout
     */
    public void publish(CameraPolicy policy) throws InterruptedException {
        Preconditions.checkNotNull(policy, "policy");
        send(policy.cameraId(), PolicyJson.encode(policy));
        LOG.info("Published policy {} to '{}'", policy, topic);
    }

    /**
     * Withdraws the published policy of {@code cameraId} (a tombstone); sources go back to the
     * camera's default.
     */
    public void clear(String cameraId) throws InterruptedException {
        Preconditions.checkNotNull(cameraId, "cameraId");
        send(cameraId, null);
        LOG.info("Withdrew the policy of camera '{}' from '{}'", cameraId, topic);
    }

    private void send(String cameraId, byte[] value) throws InterruptedException {
        try {
            producer.send(new ProducerRecord<>(topic, cameraId, value))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Kafka at "
                            + servers
                            + " rejected the policy of camera '"
                            + cameraId
                            + "' on topic '"
                            + topic
                            + "': "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka at "
                            + servers
                            + " did not acknowledge the"
                            + " policy of camera '"
                            + cameraId
                            + "' within "
                            + timeout,
                    e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
