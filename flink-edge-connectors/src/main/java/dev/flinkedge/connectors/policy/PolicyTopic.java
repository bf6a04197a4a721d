package dev.flinkedge.connectors.policy;

import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.kafka.TopicSpec;
import dev.flinkedge.kafka.Topics;

import org.apache.flink.annotation.Internal;

import java.time.Duration;

/**
 * The policy topic's spec: created compacted, so that the newest policy of each camera is kept
 * however long ago it changed, and with one partition (readers follow every partition, so an
 * existing topic may have more). An existing topic that is not compacted is used but logged:
 * retention then deletes policies of cameras that did not change for a while, and those cameras
 * fall back to their defaults.
 */
@Internal
final class PolicyTopic {

    private PolicyTopic() {}

    /**
     * Creates the topic unless it exists and waits until its partitions are known.
     *
     * @param kafka how to reach the Kafka cluster
     * @return the number of partitions of the topic
     * @throws IllegalStateException if Kafka cannot be reached
     */
    static int ensure(KafkaClientConfig kafka, String topic, Duration timeout)
            throws InterruptedException {
        try (Topics topics = Topics.connect(kafka, timeout)) {
            return topics.ensure(
                    TopicSpec.of(topic, 1)
                            .compactedIfCreated()
                            .withReplicationFactor(TopicSpec.REPLICATION_UP_TO_THREE));
        }
    }
}
