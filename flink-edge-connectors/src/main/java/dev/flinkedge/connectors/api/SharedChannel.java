package dev.flinkedge.connectors.api;

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
 * it is serializable and holds only strings.
 *
 * @param bootstrapServers Kafka cluster of the stream topics
 * @param registryBootstrapServers Kafka cluster of the registry topic (usually the same)
 * @param registryTopic the registry topic, {@code _flinkedge_streams} by default
 * @param registryUrl REST base URL of the registry
 * @param token bearer token of the job's owner
 */
@PublicEvolving
public record SharedChannel(
        String bootstrapServers,
        String registryBootstrapServers,
        String registryTopic,
        String registryUrl,
        String token)
        implements Serializable {

    public SharedChannel {
        requireText(bootstrapServers, "bootstrapServers");
        requireText(registryBootstrapServers, "registryBootstrapServers");
        requireText(registryTopic, "registryTopic");
        requireText(registryUrl, "registryUrl");
        requireText(token, "token");
    }

    /** A channel whose stream topics and registry topic share one Kafka cluster. */
    public static SharedChannel of(String bootstrapServers, String registryUrl, String token) {
        return new SharedChannel(
                bootstrapServers,
                bootstrapServers,
                StreamRegistry.DEFAULT_TOPIC,
                registryUrl,
                token);
    }

    /** The same channel with another registry topic. */
    public SharedChannel withRegistryTopic(String topic) {
        return new SharedChannel(
                bootstrapServers, registryBootstrapServers, topic, registryUrl, token);
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
                + bootstrapServers
                + ", registry="
                + registryUrl
                + ", registryTopic="
                + registryTopic
                + "}";
    }
}
