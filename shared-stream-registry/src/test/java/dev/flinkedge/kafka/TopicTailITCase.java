package dev.flinkedge.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.registry.testutil.Wait;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link TopicTail} against a real broker: replay, catch-up, following, start positions, stop. */
class TopicTailITCase {

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void replaysFromTheBeginningAppliesTombstonesAndKeepsFollowing() throws Exception {
        createTopic("view-1", 2);
        try (KafkaProducer<String, String> producer = producer(false)) {
            producer.send(new ProducerRecord<>("view-1", 0, "a", "1")).get();
            producer.send(new ProducerRecord<>("view-1", 1, "b", "2")).get();
            producer.send(new ProducerRecord<>("view-1", 0, "a", null)).get();

            Map<String, String> view = new ConcurrentHashMap<>();
            try (TopicTail<String, String> tail =
                    tail("view-1")
                            .onRecord(
                                    r -> {
                                        if (r.value() == null) {
                                            view.remove(r.key());
                                        } else {
                                            view.put(r.key(), r.value());
                                        }
                                    })
                            .start()) {
                assertThat(tail.awaitCaughtUp(TIMEOUT)).isTrue();
                assertThat(view).containsExactly(Map.entry("b", "2"));
                assertThat(tail.partitions())
                        .containsExactlyInAnyOrder(
                                new TopicPartition("view-1", 0), new TopicPartition("view-1", 1));

                producer.send(new ProducerRecord<>("view-1", 1, "c", "3")).get();
                Wait.until(() -> "3".equals(view.get("c")), TIMEOUT, "the tail to follow");
            }
        }
    }

    @Test
    void anEmptyTopicIsCaughtUpAtOnce() throws Exception {
        createTopic("empty-2", 1);
        try (TopicTail<String, String> tail = tail("empty-2").onRecord(r -> {}).start()) {
            assertThat(tail.awaitCaughtUp(TIMEOUT)).isTrue();
        }
    }

    @Test
    void fromEndSkipsWhatWasWrittenBeforeTheStart() throws Exception {
        createTopic("live-3", 1);
        try (KafkaProducer<String, String> producer = producer(false)) {
            producer.send(new ProducerRecord<>("live-3", "old", "x")).get();
            List<String> keys = new CopyOnWriteArrayList<>();
            try (TopicTail<String, String> tail =
                    tail("live-3").fromEnd().onRecord(r -> keys.add(r.key())).start()) {
                assertThat(tail.awaitCaughtUp(TIMEOUT)).isTrue();
                producer.send(new ProducerRecord<>("live-3", "new", "y")).get();
                Wait.until(() -> !keys.isEmpty(), TIMEOUT, "the new record");
                assertThat(keys).containsExactly("new");
            }
        }
    }

    @Test
    void fromTimestampStartsAtTheFirstRecordWrittenThen() throws Exception {
        createTopic("times-4", 1);
        try (KafkaProducer<String, String> producer = producer(false)) {
            producer.send(new ProducerRecord<>("times-4", 0, 1_000L, "early", "x")).get();
            producer.send(new ProducerRecord<>("times-4", 0, 5_000L, "late", "y")).get();
            List<String> keys = new CopyOnWriteArrayList<>();
            try (TopicTail<String, String> tail =
                    tail("times-4")
                            .fromTimestamp(3_000L)
                            .onRecord(r -> keys.add(r.key()))
                            .start()) {
                assertThat(tail.awaitCaughtUp(TIMEOUT)).isTrue();
                assertThat(keys).containsExactly("late");
            }
        }
    }

    @Test
    void readCommittedSkipsAbortedRecordsAndReportsPositionsPastTheMarkers() throws Exception {
        createTopic("txn-5", 1);
        TopicPartition p = new TopicPartition("txn-5", 0);
        try (KafkaProducer<String, String> producer = producer(true)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("txn-5", "aborted", "x"));
            // Sent before the abort, so that the broker holds the aborted record and its marker.
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("txn-5", "committed", "y"));
            producer.commitTransaction();
        }
        List<String> keys = new CopyOnWriteArrayList<>();
        Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
        try (TopicTail<String, String> tail =
                tail("txn-5")
                        .readCommitted()
                        .onRecord(r -> keys.add(r.key()))
                        .onProgress(positions::put)
                        .start()) {
            assertThat(tail.awaitCaughtUp(TIMEOUT)).isTrue();
            assertThat(keys).containsExactly("committed");
            // aborted record, abort marker, committed record, commit marker
            assertThat(positions).containsEntry(p, 4L);
        }
    }

    @Test
    void aFailingHandlerStopsTheTailAndIsReported() throws Exception {
        createTopic("bad-6", 1);
        try (KafkaProducer<String, String> producer = producer(false)) {
            producer.send(new ProducerRecord<>("bad-6", "k", "v")).get();
        }
        try (TopicTail<String, String> tail =
                tail("bad-6")
                        .onRecord(
                                r -> {
                                    throw new IllegalArgumentException("unreadable " + r.key());
                                })
                        .start()) {
            assertThat(tail.awaitCaughtUp(TIMEOUT)).isFalse();
            assertThat(tail.failure()).hasMessage("unreadable k");
            assertThat(tail.isRunning()).isFalse();
        }
    }

    @Test
    void closeWakesUpAWaitingPollAndStopsTheThread() throws Exception {
        createTopic("stop-7", 1);
        TopicTail<String, String> tail = tail("stop-7").onRecord(r -> {}).start();
        assertThat(tail.awaitCaughtUp(TIMEOUT)).isTrue();
        tail.close();
        assertThat(tail.thread().isAlive()).isFalse();
        assertThat(tail.isRunning()).isFalse();
        assertThat(tail.failure()).isNull();
    }

    @Test
    void aMissingTopicIsNamedInTheError() {
        assertThatThrownBy(
                        () ->
                                tail("missing-8")
                                        .onRecord(r -> {})
                                        .timeout(Duration.ofSeconds(5))
                                        .start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "Topic 'missing-8' does not exist at " + KAFKA.bootstrapServers());
    }

    private static TopicTail.Builder<String, String> tail(String topic) {
        return TopicTail.builder(topic, new StringDeserializer(), new StringDeserializer())
                .clientConfig(
                        KafkaClientConfig.of(
                                KAFKA.bootstrapServers(),
                                Map.of("allow.auto.create.topics", "false")));
    }

    private static void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                KAFKA.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    private static KafkaProducer<String, String> producer(boolean transactional) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        if (transactional) {
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "topic-tail-test");
        }
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
