package dev.flinkedge.registry.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.kafka.EmbeddedKafka;
import dev.flinkedge.kafka.security.BrokerSecurity;
import dev.flinkedge.kafka.security.SaslCredentials;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.storage.RegistryConfig;
import dev.flinkedge.registry.testutil.RegistryInstance;
import dev.flinkedge.registry.testutil.Specs;
import dev.flinkedge.registry.testutil.Wait;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The attack matrix against a real broker with SASL/SCRAM and the authorizer on: who may read and
 * write which topic, and how grants and revokes change it.
 */
class KafkaAccessControlITCase {

    private static final String REGISTRY_TOPIC = "_flinkedge_streams_acl_it";
    private static final SaslCredentials REGISTRY = SaslCredentials.generate("flinkedge-registry");
    private static final Map<String, SaslCredentials> USERS = new HashMap<>();

    @TempDir static Path dir;
    private static EmbeddedKafka kafka;
    private static RegistryInstance registry;

    @BeforeAll
    static void start() throws Exception {
        for (String user : List.of("alice", "bob", "eve", "flinkedge-scheduler")) {
            USERS.put(user, SaslCredentials.generate(user));
        }
        kafka =
                EmbeddedKafka.builder()
                        .baseDir(Path.of("target", "kafka"))
                        .secured(
                                BrokerSecurity.of(
                                        SaslCredentials.generate("flinkedge-broker"),
                                        List.of(REGISTRY.user())),
                                List.of(REGISTRY))
                        .start();
        Path users = dir.resolve("kafka-users.properties");
        StringBuilder lines = new StringBuilder();
        USERS.values()
                .forEach(u -> lines.append(u.user()).append('=').append(u.password()).append('\n'));
        Files.writeString(users, lines, StandardCharsets.UTF_8);
        Map<String, Object> props = new HashMap<>();
        REGISTRY.scramClientProperties()
                .forEach((k, v) -> props.put(RegistryConfig.CLIENT_PREFIX + k, v));
        props.put(RegistryConfig.KAFKA_USERS_FILE, users.toString());
        registry = RegistryInstance.start(kafka.bootstrapServers(), REGISTRY_TOPIC, props);
    }

    @AfterAll
    static void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void anonymousClientIsRefused() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        try (Admin admin = Admin.create(props)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        Properties props =
                kafka.clientConfig(SaslCredentials.of("alice", "not-alice's-password"))
                        .toProperties();
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        try (Admin admin = Admin.create(props)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(
                            org.apache.kafka.common.errors.SaslAuthenticationException.class);
        }
    }

    @Test
    void grantAllowsReadingAndRevokeDeniesItWithinSeconds() throws Exception {
        RegistryClient alice = registry.client("alice");
        StreamDescriptor stream = alice.create(Specs.raw("GrantedCams", "cam-g1"));
        createTopic("alice", stream.topic());
        produce("alice", stream.topic(), "frame-1");

        assertThatThrownBy(() -> readOne("bob", stream.topic()))
                .isInstanceOf(TopicAuthorizationException.class);

        alice.grant(stream.ref(), "bob");
        Wait.until(
                () -> canRead("bob", stream.topic()),
                Duration.ofSeconds(5),
                "bob may read " + stream.topic() + " after the grant");
        assertThat(readOne("bob", stream.topic())).isEqualTo("frame-1");

        KafkaConsumer<String, String> bob = consumer("bob");
        try {
            TopicPartition tp = new TopicPartition(stream.topic(), 0);
            bob.assign(List.of(tp));
            bob.seekToBeginning(List.of(tp));
            Wait.until(() -> !poll(bob).isEmpty(), Duration.ofSeconds(10), "bob reads");
            long revokedAt = System.nanoTime();
            alice.revoke(stream.ref(), "bob");
            Wait.until(
                    () -> {
                        try {
                            bob.seekToBeginning(List.of(tp));
                            poll(bob);
                            return false;
                        } catch (TopicAuthorizationException e) {
                            return true;
                        }
                    },
                    Duration.ofSeconds(5),
                    "bob's open consumer denied after the revoke");
            assertThat(Duration.ofNanos(System.nanoTime() - revokedAt))
                    .isLessThan(Duration.ofSeconds(5));
        } finally {
            closeDenied(bob);
        }
    }

    @Test
    void strangerCannotReadAnUngrantedStreamTopic() throws Exception {
        StreamDescriptor stream =
                registry.client("alice").create(Specs.raw("PrivateCams", "cam-p1"));
        createTopic("alice", stream.topic());
        produce("alice", stream.topic(), "private");
        assertThat(readOne("alice", stream.topic())).isEqualTo("private");
        assertThatThrownBy(() -> readOne("eve", stream.topic()))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> produce("eve", stream.topic(), "forged"))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void deletingAStreamRemovesItsGrants() throws Exception {
        RegistryClient alice = registry.client("alice");
        StreamDescriptor stream = alice.create(Specs.raw("ShortLived", "cam-s1"));
        createTopic("alice", stream.topic());
        produce("alice", stream.topic(), "soon gone");
        alice.grant(stream.ref(), "bob");
        Wait.until(() -> canRead("bob", stream.topic()), Duration.ofSeconds(5), "granted");
        alice.delete(stream.ref(), true);
        Wait.until(
                () -> !canRead("bob", stream.topic()),
                Duration.ofSeconds(5),
                "bob denied after the stream was deleted");
    }

    @Test
    void onlyTheRegistryWritesItsTopicAndUsesItsTransactionalId() {
        assertThatThrownBy(() -> produce("bob", REGISTRY_TOPIC, "forged-grant"))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        Properties props = kafka.clientConfig(USERS.get("bob")).toProperties();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "flinkedge-registry-" + REGISTRY_TOPIC);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        try (KafkaProducer<String, String> p =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(p::initTransactions)
                    .isInstanceOf(TransactionalIdAuthorizationException.class);
        }
    }

    @Test
    void onlyTheSchedulerWritesPoliciesAndOwnersWriteMetrics() throws Exception {
        createTopic("flinkedge-scheduler", "_flinkedge_policies");
        produce("flinkedge-scheduler", "_flinkedge_policies", "{\"fps\":5}");
        assertThatThrownBy(() -> produce("bob", "_flinkedge_policies", "{\"fps\":1000}"))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThat(readOne("bob", "_flinkedge_policies")).isEqualTo("{\"fps\":5}");

        createTopic("alice", "_flinkedge_metrics");
        produce("alice", "_flinkedge_metrics", "m");
        assertThat(readOne("flinkedge-scheduler", "_flinkedge_metrics")).isEqualTo("m");
    }

    private static void createTopic(String user, String topic) throws Exception {
        try (Admin admin = Admin.create(kafka.clientConfig(USERS.get(user)).toProperties())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw e;
            }
        }
    }

    private static void produce(String user, String topic, String value) throws Exception {
        Properties props = kafka.clientConfig(USERS.get(user)).toProperties();
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        try (KafkaProducer<String, String> p =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>(topic, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static boolean canRead(String user, String topic) {
        try {
            readOne(user, topic);
            return true;
        } catch (TopicAuthorizationException e) {
            return false;
        }
    }

    /** A consumer whose topic was denied throws that again from close(); it is closed anyway. */
    private static void closeDenied(KafkaConsumer<String, String> c) {
        try {
            c.close(Duration.ofSeconds(1));
        } catch (KafkaException e) {
            if (!(e instanceof TopicAuthorizationException)
                    && !(e.getCause() instanceof TopicAuthorizationException)) {
                throw e;
            }
            // the denial is what the test asserted; the consumer's resources are released
        }
    }

    private static String readOne(String user, String topic) {
        KafkaConsumer<String, String> c = consumer(user);
        try {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                List<String> values = poll(c);
                if (!values.isEmpty()) {
                    return values.get(0);
                }
            }
            throw new AssertionError("no record on " + topic + " for " + user + " within 10 s");
        } finally {
            closeDenied(c);
        }
    }

    private static List<String> poll(KafkaConsumer<String, String> c) {
        ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(200));
        List<String> values = new ArrayList<>();
        records.forEach(r -> values.add(r.value()));
        return values;
    }

    private static KafkaConsumer<String, String> consumer(String user) {
        Properties props = kafka.clientConfig(USERS.get(user)).toProperties();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
