package dev.flinkedge.jobs.cli.registry;

import dev.flinkedge.jobs.cli.CliException;
import dev.flinkedge.jobs.cli.RunUntilStopped;
import dev.flinkedge.kafka.EmbeddedKafka;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.rest.RegistryApplication;
import dev.flinkedge.registry.rest.Tokens;
import dev.flinkedge.registry.storage.RegistryConfig;
import dev.flinkedge.scheduler.cluster.KafkaCredentials;
import dev.flinkedge.scheduler.cluster.LocalEdgeCluster;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code registry start}: runs a registry on an existing Kafka or on an embedded one until Ctrl-C.
 * With an embedded Kafka and no {@code --tokens}, it writes fresh tokens for {@code city-a} and
 * {@code city-b}.
 */
@Command(
        name = "start",
        description = {
            "Start a registry and keep it running until Ctrl-C or SIGTERM.",
            "With --embedded-kafka and no --tokens, tokens for city-a and city-b are generated into"
                    + " <work-dir>/registry/tokens.properties.",
            "The embedded Kafka requires SASL/SCRAM logins and ACLs; each owner's client"
                    + " properties are written to <work-dir>/clients/<owner>.properties."
        })
final class RegistryStartCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    KafkaChoice kafka;

    @Option(
            names = "--port",
            defaultValue = "" + RegistryConfig.DEFAULT_PORT,
            description = "REST port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--host",
            defaultValue = "0.0.0.0",
            description = "Address the REST API binds to (default ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--tokens",
            paramLabel = "FILE",
            description =
                    "Properties file of 'token=owner' lines; required without"
                            + " --embedded-kafka.")
    Path tokensFile;

    @Option(
            names = "--topic",
            defaultValue = StreamRegistry.DEFAULT_TOPIC,
            description = "Registry topic (default ${DEFAULT-VALUE}).")
    String topic;

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            defaultValue = "work",
            description =
                    "Holds the embedded Kafka's data and generated tokens (default"
                            + " ${DEFAULT-VALUE}).")
    Path workDir;

    /** Where the registry's Kafka comes from: embedded, or an existing cluster. */
    static final class KafkaChoice {
        @Option(
                names = "--embedded-kafka",
                required = true,
                description =
                        "Start a single-node Kafka in this process (data under"
                                + " <work-dir>/kafka, deleted on exit).")
        boolean embedded;

        @ArgGroup(exclusive = false, multiplicity = "1")
        ExistingKafka existing;
    }

    /** An existing Kafka cluster: its servers, its client properties, or both. */
    static final class ExistingKafka {
        @Option(
                names = "--bootstrap-servers",
                paramLabel = "HOST:PORT",
                description =
                        "Use this Kafka cluster (wins over the bootstrap.servers of"
                                + " --kafka.properties).")
        String bootstrapServers;

        @Option(
                names = "--kafka.properties",
                paramLabel = "FILE",
                description =
                        "Kafka client properties file (bootstrap.servers, security.protocol,"
                                + " sasl.*, ssl.*) of the registry's Kafka clients. Keep it"
                                + " readable only by its owner (chmod 600).")
        Path properties;

        KafkaClientConfig config() {
            try {
                return KafkaClientConfig.resolve(bootstrapServers, properties);
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage(), e);
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!kafka.embedded && tokensFile == null) {
            throw usageError(
                    "--tokens FILE is required with an existing Kafka: a properties"
                            + " file of 'token=owner' lines (only --embedded-kafka generates tokens)");
        }
        if (tokensFile != null && !Files.isReadable(tokensFile)) {
            throw usageError(
                    "--tokens "
                            + tokensFile.toAbsolutePath()
                            + " does not exist or is"
                            + " not readable");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<RunUntilStopped.Service> running = new ArrayList<>();
        EmbeddedKafka broker = null;
        try {
            Path tokens = tokensFile;
            Map<String, String> generated = null;
            if (tokens == null) {
                generated = Tokens.generate(Tokens.DEMO_OWNERS);
                tokens = workDir.resolve("registry").resolve("tokens.properties");
                Tokens.writeFile(tokens, generated);
            }
            KafkaClientConfig kafkaConfig;
            KafkaCredentials credentials = null;
            if (kafka.embedded) {
                // The embedded broker authenticates and authorises like the local cluster's: the
                // registry is its super user and creates each owner's SCRAM credential.
                credentials =
                        KafkaCredentials.prepare(workDir, LocalEdgeCluster.tokens(tokens).keySet());
                broker =
                        EmbeddedKafka.builder()
                                .baseDir(workDir.resolve("kafka"))
                                .secured(
                                        credentials.brokerSecurity(),
                                        List.of(credentials.registry()))
                                .start();
                credentials.writeClientFiles(broker.bootstrapServers());
                kafkaConfig =
                        KafkaClientConfig.load(
                                credentials.clientProperties(KafkaCredentials.REGISTRY_USER));
                out.println(
                        "Embedded Kafka at "
                                + kafkaConfig.bootstrapServers()
                                + " (SASL/SCRAM, ACLs; each owner's client properties in "
                                + KafkaCredentials.clientsDir(workDir)
                                + ")");
            } else {
                kafkaConfig = kafka.existing.config();
            }
            RegistryApplication app = startRegistry(kafkaConfig, tokens, credentials);
            running.add(new RunUntilStopped.Service("registry at " + app.uri(), app));
            out.println(
                    "Registry listening on "
                            + app.uri()
                            + " (topic "
                            + topic
                            + ", Kafka "
                            + kafkaConfig.bootstrapServers()
                            + ")");
            if (generated != null) {
                TokenListing.print(out, tokens, generated, app.uri().toString());
            }
        } catch (Exception e) {
            if (broker != null) {
                broker.close();
            }
            throw e;
        }
        if (broker != null) {
            running.add(new RunUntilStopped.Service("embedded Kafka", broker));
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        RunUntilStopped.await(running);
        return 0;
    }

    private RegistryApplication startRegistry(
            KafkaClientConfig kafkaConfig, Path tokens, KafkaCredentials credentials)
            throws Exception {
        Map<String, Object> settings = new TreeMap<>();
        settings.put(RegistryConfig.BOOTSTRAP_SERVERS, kafkaConfig.bootstrapServers());
        if (credentials != null) {
            settings.put(
                    RegistryConfig.KAFKA_PROPERTIES,
                    credentials
                            .clientProperties(KafkaCredentials.REGISTRY_USER)
                            .toAbsolutePath()
                            .toString());
            settings.put(
                    RegistryConfig.KAFKA_USERS_FILE,
                    credentials.usersFile().toAbsolutePath().toString());
        } else if (kafka.existing.properties != null) {
            settings.put(
                    RegistryConfig.KAFKA_PROPERTIES,
                    kafka.existing.properties.toAbsolutePath().toString());
        }
        settings.putAll(
                Map.of(
                        RegistryConfig.TOPIC, topic,
                        RegistryConfig.REST_HOST, host,
                        RegistryConfig.REST_PORT, port,
                        RegistryConfig.TOKENS_FILE, tokens.toString()));
        try {
            return RegistryApplication.start(settings, null);
        } catch (BindException e) {
            throw new CliException(
                    "Cannot listen on "
                            + host
                            + ":"
                            + port
                            + " ("
                            + e.getMessage()
                            + "); is a registry already running there? Choose another --port",
                    e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new CliException("The registry did not start: " + e.getMessage(), e);
        }
    }

    private ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
