package dev.flinkedge.jobs.cli;

import dev.flinkedge.kafka.KafkaClientConfig;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The {@code --kafka.properties FILE} option of every command that talks to Kafka: the owner's
 * Kafka client properties (security protocol, SASL, TLS, ...) for all of the command's Kafka
 * clients.
 */
public final class KafkaPropertiesOption {

    @Option(
            names = "--kafka.properties",
            paramLabel = "FILE",
            description =
                    "Kafka client properties file (bootstrap.servers, security.protocol, sasl.*,"
                            + " ssl.*) for every Kafka client of the command; explicitly given"
                            + " bootstrap servers win over its bootstrap.servers. Keep it"
                            + " readable only by its owner (chmod 600).")
    public Path file;

    /**
     * The Kafka client configuration: the servers given explicitly, else the file's, else {@code
     * fallback}; with the file's other properties.
     *
     * @param explicit bootstrap servers given on the command line, or null
     * @param fallback bootstrap servers to use when neither the command line nor the file names any
     *     (a local cluster's, an environment variable's), or null
     * @throws CliException if the file cannot be read, or no servers are known
     */
    public KafkaClientConfig resolve(String explicit, String fallback) {
        try {
            return KafkaClientConfig.resolve(explicit, file, fallback);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), e);
        }
    }
}
