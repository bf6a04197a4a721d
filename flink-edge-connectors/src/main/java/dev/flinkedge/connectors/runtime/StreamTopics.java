package dev.flinkedge.connectors.runtime;

import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.kafka.TopicSpec;
import dev.flinkedge.kafka.Topics;
import dev.flinkedge.registry.model.StreamDescriptor;

import org.apache.flink.annotation.Internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Creates the Kafka topics of the streams a job produces, before the job starts, so that readers
 * can subscribe at once. The registry names topics but does not create them: a stream that is never
 * produced costs the broker nothing.
 */
@Internal
public final class StreamTopics {

    /**
     * The header that names, in UTF-8, the id of the Flink job that wrote a record of a stream
     * topic: a stream has one writer at a time, and it changes when a host job takes over.
     */
    public static final String PRODUCER_JOB_HEADER = "flinkedge.producer.job";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private StreamTopics() {}

    /** Creates the missing topics of {@code streams}; existing ones are left as they are. */
    public static void ensure(KafkaClientConfig kafka, List<StreamDescriptor> streams) {
        Map<String, Integer> topics = new TreeMap<>();
        streams.forEach(d -> topics.put(d.topic(), d.partitions()));
        ensure(kafka, topics);
    }

    /** Creates the missing topics of {@code partitionsByTopic} (replication: broker default). */
    public static void ensure(KafkaClientConfig kafka, Map<String, Integer> partitionsByTopic) {
        if (partitionsByTopic.isEmpty()) {
            return;
        }
        try (Topics topics = Topics.connect(kafka, TIMEOUT)) {
            for (Map.Entry<String, Integer> t : new TreeMap<>(partitionsByTopic).entrySet()) {
                topics.ensure(TopicSpec.of(t.getKey(), t.getValue()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating stream topics", e);
        }
    }
}
