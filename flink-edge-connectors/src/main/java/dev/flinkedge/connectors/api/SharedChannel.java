package dev.flinkedge.connectors.api;

import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.client.StreamRegistry;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Where shared streams travel and where their metadata lives: the Kafka cluster carrying stream
 * topics, the Kafka topic of the registry (watched by taps and shared sources instead of polling
 * REST), and the registry's REST endpoint with the job owner's token. Shipped inside job graphs, so
 * it is serializable; the Kafka client configurations, like the token, may hold the owner's
 * credentials and are never printed.
 *
 * @param kafka the owner's Kafka client configuration for the cluster of the stream topics
 * @param registryKafka the owner's Kafka client configuration for the cluster of the registry topic
 *     (usually the same)
 * @param registryTopic the registry topic, {@code _flinkedge_streams} by default
 * @param registryUrl REST base URL of the registry
 * @param token bearer token of the job's owner
 */
@PublicEvolving
public record SharedChannel(
        KafkaClientConfig kafka,
        KafkaClientConfig registryKafka,
        String registryTopic,
        String registryUrl,
        String token)
        implements Serializable {

    public SharedChannel {
        Objects.requireNonNull(kafka, "Property kafka is required but not provided");
        Objects.requireNonNull(
                registryKafka, "Property registryKafka is required but not provided");
        requireText(registryTopic, "registryTopic");
        requireText(registryUrl, "registryUrl");
        requireText(token, "token");
    }

    /** A channel whose stream topics and registry topic share one Kafka cluster. */
    public static SharedChannel of(KafkaClientConfig kafka, String registryUrl, String token) {
        return new SharedChannel(kafka, kafka, StreamRegistry.DEFAULT_TOPIC, registryUrl, token);
    }

    /** {@link #of(KafkaClientConfig, String, String)} with nothing but bootstrap servers. */
    public static SharedChannel of(String bootstrapServers, String registryUrl, String token) {
        return of(KafkaClientConfig.of(bootstrapServers), registryUrl, token);
    }

    /** The same channel with another registry topic. */
    public SharedChannel withRegistryTopic(String topic) {
        return new SharedChannel(kafka, registryKafka, topic, registryUrl, token);
    }

    /** A registry client acting as the token's owner. */
    public RegistryClient newRegistryClient() {
        return RegistryClient.builder().url(registryUrl).token(token).build();
    }

    /**
     * A registry client acting as the token's owner whose requests give up after {@code timeout}.
     */
    public RegistryClient newRegistryClient(Duration timeout) {
        return RegistryClient.builder().url(registryUrl).token(token).timeout(timeout).build();
    }

    private static void requireText(String value, String field) {
        Objects.requireNonNull(value, "Property " + field + " is required but not provided");
        if (value.isBlank()) {
            throw new IllegalArgumentException("Property " + field + " must not be blank");
        }
    }

    @Override
    public String toString() {
        // Never print the token.
        return "SharedChannel{kafka="
                + kafka
                + ", registry="
                + registryUrl
                + ", registryTopic="
                + registryTopic
                + "}";
    }
}
