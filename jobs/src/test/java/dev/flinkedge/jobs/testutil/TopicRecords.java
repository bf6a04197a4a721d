package dev.flinkedge.jobs.testutil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.flinkedge.kafka.KafkaClientConfig;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The JSON results of result topics, read from the beginning the way a user's client reads them.
 * Each call to {@link #of} reads what has arrived since the last call. Not thread-safe.
 */
public final class TopicRecords implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, List<JsonNode>> byTopic = new HashMap<>();

    /** Reads as {@code kafka} logs in. */
    public TopicRecords(KafkaClientConfig kafka) {
        Properties p = kafka.toProperties();
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(p);
    }

    /** Every record of {@code topic} so far (the topic must exist). */
    public List<JsonNode> of(String topic) {
        if (!byTopic.containsKey(topic)) {
            byTopic.put(topic, new ArrayList<>());
            List<TopicPartition> all = new ArrayList<>(consumer.assignment());
            consumer.partitionsFor(topic)
                    .forEach(p -> all.add(new TopicPartition(topic, p.partition())));
            consumer.assign(all);
            consumer.seekToBeginning(all.stream().filter(tp -> tp.topic().equals(topic)).toList());
        }
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
            try {
                byTopic.get(r.topic()).add(JSON.readTree(r.value()));
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON on " + r.topic() + ": " + r.value(), e);
            }
        }
        return List.copyOf(byTopic.get(topic));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
