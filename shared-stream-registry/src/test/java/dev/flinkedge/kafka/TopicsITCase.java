package dev.flinkedge.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** {@link Topics}: create, verify, mismatches and the concurrent-create race, on a real broker. */
class TopicsITCase {

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static Admin admin;

    @BeforeAll
    static void connect() {
        admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                KAFKA.bootstrapServers()));
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @Test
    void createsAMissingTopicAsSpecified() throws Exception {
        try (Topics topics = topics()) {
            int partitions =
                    topics.ensure(
                            TopicSpec.of("made-1", 3)
                                    .compacted()
                                    .withReplicationFactor(TopicSpec.REPLICATION_UP_TO_THREE));
            assertThat(partitions).isEqualTo(3);
        }
        TopicDescription d =
                admin.describeTopics(List.of("made-1")).allTopicNames().get().get("made-1");
        assertThat(d.partitions()).hasSize(3);
        assertThat(d.partitions().get(0).replicas()).hasSize(1);
        assertThat(cleanupPolicy("made-1")).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
    }

    @Test
    void acceptsAnExistingTopicWithTheRequiredSettingsAndLeavesItAsItIs() throws Exception {
        admin.createTopics(List.of(new NewTopic("kept-2", 2, (short) 1))).all().get();
        try (Topics topics = topics()) {
            // Not compacted and no exact partition count required: any existing topic will do.
            assertThat(topics.ensure(TopicSpec.of("kept-2", 1))).isEqualTo(2);
        }
        assertThat(cleanupPolicy("kept-2")).isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
    }

    @Test
    void refusesAnExistingTopicWithOtherPartitionsNamingTheTopicAndTheFix() throws Exception {
        admin.createTopics(
                        List.of(
                                new NewTopic("wide-3", 3, (short) 1)
                                        .configs(
                                                Map.of(
                                                        TopicConfig.CLEANUP_POLICY_CONFIG,
                                                        TopicConfig.CLEANUP_POLICY_COMPACT))))
                .all()
                .get();
        try (Topics topics = topics()) {
            assertThatThrownBy(
                            () ->
                                    topics.ensure(
                                            TopicSpec.of("wide-3", 1)
                                                    .compacted()
                                                    .exactPartitions()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Topic 'wide-3'")
                    .hasMessageContaining("has 3 partitions; it must have exactly 1")
                    .hasMessageContaining("Use another topic");
        }
    }

    @Test
    void refusesAnExistingTopicThatIsNotCompactedNamingTheTopicAndTheFix() throws Exception {
        admin.createTopics(List.of(new NewTopic("deleting-4", 1, (short) 1))).all().get();
        try (Topics topics = topics()) {
            assertThatThrownBy(() -> topics.ensure(TopicSpec.of("deleting-4", 1).compacted()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Topic 'deleting-4'")
                    .hasMessageContaining("cleanup.policy=delete")
                    .hasMessageContaining(
                            "--entity-name deleting-4 --add-config" + " cleanup.policy=compact");
        }
    }

    @Test
    void usesAnExistingTopicThatIsNotCompactedWhenCompactionIsOnlyPreferred() throws Exception {
        admin.createTopics(List.of(new NewTopic("preferred-7", 1, (short) 1))).all().get();
        try (Topics topics = topics()) {
            assertThat(topics.ensure(TopicSpec.of("preferred-7", 1).compactedIfCreated()))
                    .isEqualTo(1);
        }
        assertThat(cleanupPolicy("preferred-7")).isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
    }

    @Test
    void processesCreatingTheSameTopicAtOnceAllSucceed() throws Exception {
        int racers = 6;
        TopicSpec spec = TopicSpec.of("raced-5", 2).compacted().exactPartitions();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<Integer> racer =
                        () -> {
                            try (Topics topics = topics()) {
                                go.await();
                                return topics.ensure(spec);
                            }
                        };
                results.add(pool.submit(racer));
            }
            go.countDown();
            for (Future<Integer> r : results) {
                assertThat(r.get(60, TimeUnit.SECONDS)).isEqualTo(2);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cleanupPolicy("raced-5")).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
    }

    @Test
    void anUnreachableBrokerIsNamedInTheError() {
        try (Topics topics =
                Topics.connect(KafkaClientConfig.of("localhost:1"), Duration.ofMillis(500))) {
            assertThatThrownBy(() -> topics.ensure(TopicSpec.of("never-6", 1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Kafka at localhost:1 did not answer within");
        }
    }

    private static Topics topics() {
        return Topics.connect(KafkaClientConfig.of(KAFKA.bootstrapServers()), TIMEOUT);
    }

    private static String cleanupPolicy(String topic) throws Exception {
        ConfigResource res = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config c = admin.describeConfigs(List.of(res)).all().get().get(res);
        return c.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    }
}
