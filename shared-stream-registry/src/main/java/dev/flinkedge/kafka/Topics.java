package dev.flinkedge.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates or verifies topics from a {@link TopicSpec}, with one set of rules for every topic
 * flink-edge owns (the registry log, the policy and metrics topics, the topics of streams):
 *
 * <ul>
 *   <li>a missing topic is created as specified;
 *   <li>an existing one is verified against what the spec requires, and a mismatch fails with the
 *       topic, the wrong setting and how to fix it (a compaction the spec only prefers is logged);
 *   <li>a topic another process created at the same time ({@link TopicExistsException}) is verified
 *       like any existing one;
 *   <li>{@link #ensure} returns once the brokers know the topic's partitions.
 * </ul>
 *
 * <pre>{@code
 * try (Topics topics = Topics.connect(KafkaClientConfig.load(file), Duration.ofSeconds(30))) {
 *     int partitions = topics.ensure(TopicSpec.of("_flinkedge_policies", 1).compactedIfCreated());
 * }
 * }</pre>
 */
public final class Topics implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Topics.class);
    private static final long METADATA_RETRY_MS = 50;

    private final Admin admin;
    private final String servers;
    private final Duration timeout;

    private Topics(Admin admin, String servers, Duration timeout) {
        this.admin = admin;
        this.servers = servers;
        this.timeout = timeout;
    }

    /**
     * Opens an admin client.
     *
     * @param clientProps Kafka client properties, at least {@code bootstrap.servers}
     * @param timeout how long each {@link #ensure} or {@link #names} may wait for Kafka
     * @throws IllegalArgumentException if {@code bootstrap.servers} is missing
     */
    public static Topics connect(Properties clientProps, Duration timeout) {
        String servers = clientProps.getProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        if (servers == null || servers.isBlank()) {
            throw new IllegalArgumentException(
                    "Property "
                            + AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG
                            + " is required but not provided");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout " + timeout + " must be positive");
        }
        return new Topics(Admin.create(clientProps), servers, timeout);
    }

    /** {@link #connect(Properties, Duration)} with the client properties of {@code kafka}. */
    public static Topics connect(KafkaClientConfig kafka, Duration timeout) {
        return connect(Objects.requireNonNull(kafka, "kafka").toProperties(), timeout);
    }

    /**
     * Creates the topic unless it exists, verifies it if it does, and waits until its partitions
     * are known.
     *
     * @return the topic's partition count
     * @throws IllegalStateException if the topic exists with other required settings, or Kafka
     *     refuses or does not answer in time
     */
    public int ensure(TopicSpec spec) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            TopicDescription existing = describe(spec.name(), ms(deadline));
            if (existing != null) {
                return verify(spec, existing, deadline);
            }
            Optional<Short> rf = replication(spec, deadline);
            NewTopic topic = new NewTopic(spec.name(), Optional.of(spec.partitions()), rf);
            if (spec.compaction() != TopicSpec.Compaction.NONE) {
                topic.configs(
                        Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            try {
                admin.createTopics(List.of(topic)).all().get(ms(deadline), TimeUnit.MILLISECONDS);
                LOG.info(
                        "Created topic '{}' at {} ({} partition(s), {}, replication {})",
                        spec.name(),
                        servers,
                        spec.partitions(),
                        spec.compaction() == TopicSpec.Compaction.NONE
                                ? "not compacted"
                                : "compacted",
                        rf.map(String::valueOf).orElse("broker default"));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                LOG.debug("Topic '{}' was created concurrently; verifying it", spec.name());
            }
            return verify(spec, awaitDescription(spec.name(), deadline), deadline);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Cannot create or verify topic '"
                            + spec.name()
                            + "' at "
                            + servers
                            + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw notAnswering("checking topic '" + spec.name() + "'", e);
        }
    }

    /** The names of the topics in the cluster, internal ones included. */
    public Set<String> names() throws InterruptedException {
        try {
            return admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Cannot list the topics at " + servers + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw notAnswering("listing topics", e);
        }
    }

    private IllegalStateException notAnswering(String what, TimeoutException e) {
        return new IllegalStateException(
                "Kafka at "
                        + servers
                        + " did not answer within "
                        + timeout
                        + " while "
                        + what
                        + "; is it running, and does it take this client's login? A broker that"
                        + " requires SASL drops clients without credentials: pass the Kafka client"
                        + " properties file of your principal (kafka.properties)",
                e);
    }

    private Optional<Short> replication(TopicSpec spec, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (spec.replicationFactor() == TopicSpec.REPLICATION_BROKER_DEFAULT) {
            return Optional.empty();
        }
        if (spec.replicationFactor() == TopicSpec.REPLICATION_UP_TO_THREE) {
            int brokers =
                    admin.describeCluster().nodes().get(ms(deadline), TimeUnit.MILLISECONDS).size();
            return Optional.of((short) Math.max(1, Math.min(3, brokers)));
        }
        return Optional.of(spec.replicationFactor());
    }

    /** The topic's description, or null if it does not exist. */
    private TopicDescription describe(String topic, long ms)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(ms, TimeUnit.MILLISECONDS)
                    .get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw e;
        }
    }

    /** The description of a topic just created, retrying until the brokers' metadata has it. */
    private TopicDescription awaitDescription(String topic, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        while (true) {
            TopicDescription d = describe(topic, ms(deadline));
            if (d != null) {
                return d;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("topic '" + topic + "' still unknown to the brokers");
            }
            TimeUnit.MILLISECONDS.sleep(METADATA_RETRY_MS);
        }
    }

    private int verify(TopicSpec spec, TopicDescription d, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        int partitions = d.partitions().size();
        if (spec.partitionsFixed() && partitions != spec.partitions()) {
            throw new IllegalStateException(
                    "Topic '"
                            + spec.name()
                            + "' at "
                            + servers
                            + " has "
                            + partitions
                            + " partitions; it must have exactly "
                            + spec.partitions()
                            + ". Use another topic, or delete this one so that it is created again.");
        }
        if (spec.compaction() != TopicSpec.Compaction.NONE) {
            ConfigResource res = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
            Config c =
                    admin.describeConfigs(List.of(res))
                            .all()
                            .get(ms(deadline), TimeUnit.MILLISECONDS)
                            .get(res);
            String policy = c.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)
                    || policy.contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
                String problem =
                        "Topic '"
                                + spec.name()
                                + "' at "
                                + servers
                                + " has cleanup.policy="
                                + policy
                                + "; it should be 'compact', or"
                                + " retention deletes entries that did not change recently. Fix with:"
                                + " kafka-configs --bootstrap-server "
                                + servers
                                + " --alter"
                                + " --entity-type topics --entity-name "
                                + spec.name()
                                + " --add-config cleanup.policy=compact";
                if (spec.compaction() == TopicSpec.Compaction.REQUIRED) {
                    throw new IllegalStateException(problem);
                }
                LOG.warn("{}", problem);
            }
        }
        return partitions;
    }

    private static long ms(long deadlineNanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
