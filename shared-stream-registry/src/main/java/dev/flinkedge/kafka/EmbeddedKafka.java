package dev.flinkedge.kafka;

import dev.flinkedge.kafka.security.BrokerSecurity;
import dev.flinkedge.kafka.security.SaslCredentials;
import dev.flinkedge.kafka.security.ScramUsers;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) running in this JVM,
 * started from Kafka's own test kit jars. Used by tests of every module and by the demo launcher.
 * Its data lives under a directory of the caller's choosing and is deleted on {@link #close()}.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.builder().baseDir(workDir.resolve("kafka")).start()) {
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final KafkaClusterTestKit cluster;
    private final String bootstrapServers;
    private final Optional<BrokerSecurity> security;

    private EmbeddedKafka(KafkaClusterTestKit cluster, Optional<BrokerSecurity> security) {
        this.cluster = cluster;
        this.bootstrapServers = cluster.bootstrapServers();
        this.security = security;
    }

    /** Starts a builder with defaults fit for one machine (replication factor 1 everywhere). */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code host:port} of the broker's client listener. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** How the broker authenticates and authorises; empty when it accepts anyone (PLAINTEXT). */
    public Optional<BrokerSecurity> security() {
        return security;
    }

    /**
     * The client configuration (bootstrap servers and SASL login) of {@code credentials}, or
     * bootstrap servers only when the broker is not secured.
     */
    public KafkaClientConfig clientConfig(SaslCredentials credentials) {
        KafkaClientConfig plain = KafkaClientConfig.of(bootstrapServers);
        return security.isPresent()
                ? plain.withProperties(credentials.scramClientProperties())
                : plain;
    }

    /**
     * Stops the broker's client listener and request handling, keeping its data and controller, so
     * that clients find Kafka unreachable until {@link #startBroker()}.
     */
    public void stopBroker() {
        cluster.brokers().values().forEach(b -> b.shutdown());
        LOG.info("Embedded Kafka broker at {} stopped (data kept)", bootstrapServers);
    }

    /** Starts the broker stopped by {@link #stopBroker()} again, on the same port. */
    public void startBroker() throws Exception {
        cluster.brokers().values().forEach(b -> b.startup());
        cluster.waitForReadyBrokers();
        LOG.info("Embedded Kafka broker at {} started again", bootstrapServers);
    }

    /** Stops the broker and deletes its data. */
    @Override
    public void close() {
        try {
            cluster.close();
            LOG.info("Embedded Kafka at {} stopped", bootstrapServers);
        } catch (Exception e) {
            LOG.warn(
                    "Embedded Kafka at {} did not stop cleanly: {}",
                    bootstrapServers,
                    e.toString());
        }
    }

    /**
     * Kafka's storage formatter prints its report to {@code System.out}, which is a CLI's output;
     * it is captured and logged at DEBUG instead. Formatting takes milliseconds, so the swap of the
     * process-wide stream is brief.
     */
    private static void formatQuietly(KafkaClusterTestKit cluster) throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        synchronized (EmbeddedKafka.class) {
            System.setOut(new PrintStream(report, true, StandardCharsets.UTF_8));
            try {
                cluster.format();
            } finally {
                System.setOut(stdout);
            }
        }
        LOG.debug(
                "Kafka storage formatter said: {}", report.toString(StandardCharsets.UTF_8).trim());
    }

    /** Options of the embedded broker. */
    public static final class Builder {
        private Path baseDir;
        private final Map<String, Object> brokerProps = new HashMap<>();
        private BrokerSecurity security;
        private final List<SaslCredentials> scramUsers = new ArrayList<>();

        private Builder() {
            brokerProps.put("offsets.topic.replication.factor", "1");
            brokerProps.put("offsets.topic.num.partitions", "1");
            brokerProps.put("transaction.state.log.replication.factor", "1");
            brokerProps.put("transaction.state.log.min.isr", "1");
            brokerProps.put("transaction.state.log.num.partitions", "1");
            brokerProps.put("group.initial.rebalance.delay.ms", "0");
            // Flink's KafkaSink EXACTLY_ONCE needs transaction.timeout.ms <= this; 15 min.
            brokerProps.put("transaction.max.timeout.ms", "900000");
            brokerProps.put("auto.create.topics.enable", "true");
        }

        /** Directory for the broker's logs and metadata; a temp directory if unset. */
        public Builder baseDir(Path baseDir) {
            this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
            return this;
        }

        /** Overrides a broker property. */
        public Builder brokerProperty(String key, Object value) {
            brokerProps.put(key, value);
            return this;
        }

        /**
         * Turns on SASL/SCRAM and the authorizer (see {@link BrokerSecurity}) and creates the SCRAM
         * credentials of {@code scramUsers} once the broker is ready, logged in as the broker
         * itself.
         */
        public Builder secured(BrokerSecurity security, List<SaslCredentials> scramUsers) {
            this.security = Objects.requireNonNull(security, "security");
            this.scramUsers.clear();
            this.scramUsers.addAll(scramUsers);
            return this;
        }

        /** Formats the storage, starts the broker and waits until it is ready. */
        public EmbeddedKafka start() throws Exception {
            long t0 = System.nanoTime();
            TestKitNodes.Builder nodes =
                    new TestKitNodes.Builder()
                            .setCombined(true)
                            .setNumBrokerNodes(1)
                            .setNumControllerNodes(1);
            if (baseDir != null) {
                Files.createDirectories(baseDir);
                nodes.setBaseDirectory(Files.createTempDirectory(baseDir, "kraft-"));
            }
            TestKitNodes built = nodes.build();
            KafkaClusterTestKit.Builder b = new KafkaClusterTestKit.Builder(built);
            if (security != null) {
                // The test kit keeps its listener names and pre-bound ports; only their protocol
                // and the SASL settings change.
                security.serverProperties(
                                built.brokerListenerName().value(),
                                built.controllerListenerName().value())
                        .forEach(b::setConfigProp);
            }
            brokerProps.forEach(b::setConfigProp);
            KafkaClusterTestKit cluster = b.build();
            try {
                formatQuietly(cluster);
                cluster.startup();
                cluster.waitForReadyBrokers();
                if (security != null) {
                    createScramUsers(cluster.bootstrapServers());
                }
            } catch (Exception e) {
                cluster.close();
                throw e;
            }
            EmbeddedKafka kafka = new EmbeddedKafka(cluster, Optional.ofNullable(security));
            LOG.info(
                    "Embedded Kafka (KRaft{}) ready at {} in {} ms",
                    security != null ? ", SASL/SCRAM, ACLs" : "",
                    kafka.bootstrapServers(),
                    (System.nanoTime() - t0) / 1_000_000);
            return kafka;
        }

        private void createScramUsers(String bootstrapServers) throws InterruptedException {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.putAll(security.broker().plainClientProperties());
            try (Admin admin = Admin.create(props)) {
                ScramUsers.upsert(admin, scramUsers, Duration.ofSeconds(30));
            }
        }
    }
}
