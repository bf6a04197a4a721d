package dev.flinkedge.connectors.policy;

import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.kafka.KafkaClientConfig;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.util.Preconditions;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Creates a {@link PolicyProvider} where it is used (inside a source reader), from settings that
 * travel with the job graph. Use {@link #kafka} for the policy topic, {@link #fixed} for policies
 * that never change and {@link #none} to follow no policies (every camera at its native rate and
 * size).
 */
@PublicEvolving
public interface PolicyProviderFactory extends Serializable {

    /**
     * Starts a provider.
     *
     * @param defaults the policy of a camera without a published one
     */
    PolicyProvider create(Function<String, CameraPolicy> defaults) throws InterruptedException;

    /** No published policies: {@link PolicyProvider#current} always returns the default. */
    static PolicyProviderFactory none() {
        return InMemoryPolicyProvider::new;
    }

    /**
     * Fixed policies, as if published once and never changed: for deployments without a control
     * loop and for tests. Cameras without one follow their defaults.
     */
    static PolicyProviderFactory fixed(Collection<CameraPolicy> policies) {
        List<CameraPolicy> copy = List.copyOf(policies);
        return defaults -> {
            InMemoryPolicyProvider provider = new InMemoryPolicyProvider(defaults);
            copy.forEach(provider::update);
            return provider;
        };
    }

    /**
     * Policies from a Kafka topic through a {@link KafkaPolicyProvider}.
     *
     * @param kafka how to reach the Kafka cluster
     * @param topic the policy topic
     * @param startupTimeout how long the provider may take to replay the topic
     */
    static PolicyProviderFactory kafka(
            KafkaClientConfig kafka, String topic, Duration startupTimeout) {
        Preconditions.checkNotNull(kafka, "kafka");
        Preconditions.checkNotNull(topic, "topic");
        Preconditions.checkNotNull(startupTimeout, "startupTimeout");
        return defaults -> KafkaPolicyProvider.start(kafka, topic, defaults, startupTimeout);
    }
}
