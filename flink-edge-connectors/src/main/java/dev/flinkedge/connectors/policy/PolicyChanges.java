package dev.flinkedge.connectors.policy;

import dev.flinkedge.kafka.KafkaClientConfig;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.flink.util.Preconditions;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;

/**
 * The policy topic as a Flink stream of {@link PolicyChange}s, for operators that keep camera
 * policies in broadcast state (the {@code OffloadRouter}). The source replays the compacted topic
 * from its first offset, so a job starting later still learns every policy, and then follows it; it
 * commits nothing and needs no consumer group. After a failure it resumes from its checkpointed
 * offsets, consistent with the broadcast state restored from the same checkpoint.
 *
 * <pre>{@code
 * DataStream<PolicyChange> policies =
 *         PolicyChanges.stream(env, "localhost:9092", KafkaPolicyProvider.DEFAULT_TOPIC);
 * }</pre>
 */
@PublicEvolving
public final class PolicyChanges {

    /** The client id prefix of the policy topic's source, followed by the topic. */
    public static final String CLIENT_ID_PREFIX = "flinkedge-policy-changes-";

    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);

    private PolicyChanges() {}

    /**
     * A Kafka source of the policy topic's changes.
     *
     * @param kafka how to reach the Kafka cluster
     * @param topic the policy topic, usually {@link KafkaPolicyProvider#DEFAULT_TOPIC}
     */
    public static KafkaSource<PolicyChange> source(KafkaClientConfig kafka, String topic) {
        Preconditions.checkNotNull(kafka, "kafka");
        Preconditions.checkNotNull(topic, "topic");
        return KafkaSource.<PolicyChange>builder()
                .setProperties(kafka.toProperties())
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopics(topic)
                .setClientIdPrefix(CLIENT_ID_PREFIX + topic)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new Deserializer())
                .setProperty("commit.offsets.on.checkpoint", "false")
                .build();
    }

    /**
     * Creates the policy topic if it is missing (as {@link PolicyPublisher} does) and adds its
     * source to {@code env} with parallelism 1: the topic has one partition.
     *
     * @param env the job's environment
     * @param kafka how to reach the Kafka cluster
     * @param topic the policy topic
     * @throws IllegalStateException if Kafka cannot be reached or the topic cannot be created
     */
    public static DataStream<PolicyChange> stream(
            StreamExecutionEnvironment env, KafkaClientConfig kafka, String topic)
            throws InterruptedException {
        PolicyTopic.ensure(kafka, topic, TOPIC_TIMEOUT);
        return env.fromSource(
                        source(kafka, topic), WatermarkStrategy.noWatermarks(), "policies:" + topic)
                .setParallelism(1);
    }

    /** Decodes records with {@link PolicyJson#readRecord}, skipping unreadable ones. */
    private static final class Deserializer
            implements KafkaRecordDeserializationSchema<PolicyChange> {
        private static final long serialVersionUID = 1L;

        @Override
        public void open(DeserializationSchema.InitializationContext context) {
            PolicyJson.warmUp();
        }

        @Override
        public void deserialize(
                ConsumerRecord<byte[], byte[]> record, Collector<PolicyChange> out) {
            PolicyJson.readRecord(record).ifPresent(out::collect);
        }

        @Override
        public TypeInformation<PolicyChange> getProducedType() {
            return TypeInformation.of(PolicyChange.class);
        }
    }
}
