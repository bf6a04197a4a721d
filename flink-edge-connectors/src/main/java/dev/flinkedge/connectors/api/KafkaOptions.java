package dev.flinkedge.connectors.api;

import static org.apache.flink.configuration.ConfigOptions.key;

import dev.flinkedge.kafka.KafkaClientConfig;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The option naming the owner's Kafka client properties file, shared by every job and service that
 * talks to Kafka, and how it combines with a bootstrap-servers option.
 */
@PublicEvolving
public final class KafkaOptions {

    public static final ConfigOption<String> KAFKA_PROPERTIES =
            key("kafka.properties")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Kafka client properties file (bootstrap.servers, security.protocol,"
                                    + " sasl.*, ssl.*, ...) given to every Kafka client of the job:"
                                    + " taps, shared sources, result sinks, policy readers, the"
                                    + " registry watcher. Read where the job's main runs; the"
                                    + " properties travel in the job graph. A bootstrap-servers"
                                    + " option given explicitly wins over its bootstrap.servers.");

    private KafkaOptions() {}

    /**
     * The Kafka client configuration of {@code conf}: the file of {@link #KAFKA_PROPERTIES} if set,
     * with the servers of {@code bootstrap} if {@code conf} sets them, else the file's, else the
     * option's default.
     *
     * @throws IllegalArgumentException if the file cannot be read, or no bootstrap servers are
     *     given anywhere
     */
    public static KafkaClientConfig clientConfig(
            Configuration conf, ConfigOption<String> bootstrap) {
        Optional<String> file = conf.getOptional(KAFKA_PROPERTIES);
        String explicit = conf.getOptional(bootstrap).orElse(null);
        try {
            return KafkaClientConfig.resolve(
                    explicit, file.map(Path::of).orElse(null), bootstrap.defaultValue());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    file.isEmpty()
                            ? bootstrap.key() + ": " + e.getMessage()
                            : KAFKA_PROPERTIES.key() + " " + file.get() + ": " + e.getMessage(),
                    e);
        }
    }
}
