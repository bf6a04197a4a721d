package dev.flinkedge.connectors.policy;

import org.apache.flink.annotation.Internal;
import org.apache.flink.util.Preconditions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the policy topic when it is missing: compacted (the newest policy of each camera is kept
 * forever) with one partition. An existing topic that is not compacted is used but logged, because
 * retention would then delete policies of cameras that have not changed for a while.
 */
@Internal
final class PolicyTopic {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyTopic.class);
    private static final long METADATA_RETRY_MS = 50;

    private PolicyTopic() {}

    /**
     * Creates the topic unless it exists, then waits until its partitions are known.
     *
     * @return the number of partitions of the topic
     */
    /**
     * {@link #ensure(Admin, String, Duration, String)} with an admin client of its own.
     *
     * @param clientProps Kafka client properties, at least {@code bootstrap.servers}
     * @throws IllegalArgumentException if {@code bootstrap.servers} is missing
     */
    static int ensure(Properties clientProps, String topic, Duration timeout)
            throws InterruptedException {
        String servers = clientProps.getProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        Preconditions.checkArgument(
                servers != null && !servers.isBlank(),
                "Property %s is required but not provided",
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        try (Admin admin = Admin.create(clientProps)) {
            return ensure(admin, topic, timeout, servers);
        }
    }

    static int ensure(Admin admin, String topic, Duration timeout, String bootstrapServers)
            throws InterruptedException {
        long ms = timeout.toMillis();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (admin.listTopics().names().get(ms, TimeUnit.MILLISECONDS).contains(topic)) {
                checkCompacted(admin, topic, ms);
                return partitions(admin, topic, deadline);
            }
            int brokers = admin.describeCluster().nodes().get(ms, TimeUnit.MILLISECONDS).size();
            short rf = (short) Math.max(1, Math.min(3, brokers));
            NewTopic nt =
                    new NewTopic(topic, 1, rf)
                            .configs(
                                    Map.of(
                                            TopicConfig.CLEANUP_POLICY_CONFIG,
                                            TopicConfig.CLEANUP_POLICY_COMPACT));
            try {
                admin.createTopics(List.of(nt)).all().get(ms, TimeUnit.MILLISECONDS);
                LOG.info(
                        "Created policy topic '{}' (1 partition, compacted, replication {})",
                        topic,
                        rf);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            return partitions(admin, topic, deadline);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Cannot create or inspect policy topic '"
                            + topic
                            + "' at "
                            + bootstrapServers
                            + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka at "
                            + bootstrapServers
                            + " did not answer within "
                            + timeout
                            + " while checking policy topic '"
                            + topic
                            + "'; is it running?",
                    e);
        }
    }

    /** The topic's partition count, retrying while a new topic is not yet known to the brokers. */
    private static int partitions(Admin admin, String topic, long deadlineNanos)
            throws InterruptedException, ExecutionException, TimeoutException {
        while (true) {
            long left =
                    Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
            try {
                return admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(left, TimeUnit.MILLISECONDS)
                        .get(topic)
                        .partitions()
                        .size();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
                        || System.nanoTime() > deadlineNanos) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(METADATA_RETRY_MS);
            }
        }
    }

    private static void checkCompacted(Admin admin, String topic, long ms)
            throws InterruptedException, ExecutionException, TimeoutException {
        ConfigResource res = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config c =
                admin.describeConfigs(List.of(res)).all().get(ms, TimeUnit.MILLISECONDS).get(res);
        String policy = c.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)
                || policy.contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
            LOG.warn(
                    "Policy topic '{}' has cleanup.policy={}; retention will delete the policies of"
                        + " cameras that did not change recently. Fix with kafka-configs --alter"
                        + " --add-config cleanup.policy=compact.",
                    topic,
                    policy);
        }
    }
}
