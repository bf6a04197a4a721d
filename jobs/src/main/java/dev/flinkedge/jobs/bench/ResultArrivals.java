package dev.flinkedge.jobs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.kafka.TopicTail;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reads result topics (single-partition, JSON as written by {@code ResultSinks.kafkaJson}) the way
 * a user would and records, per result, when it was captured and when it arrived: the end-to-end
 * latency a subscriber sees.
 */
public final class ResultArrivals implements AutoCloseable {

    /**
     * One result read.
     *
     * @param topic where it came from
     * @param sourceId its camera
     * @param key its record key
     * @param captureMs when its frame was captured
     * @param arrivalMs when it was read
     * @param payload the result itself
     */
    public record Arrival(
            String topic,
            String sourceId,
            String key,
            long captureMs,
            long arrivalMs,
            JsonNode payload) {}

    private final ObjectMapper json = new ObjectMapper();
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final List<TopicTail<byte[], byte[]>> tails = new ArrayList<>();

    /** Starts reading {@code topics} from their beginning in the background. */
    public ResultArrivals(KafkaClientConfig kafka, List<String> topics) {
        this(readers(kafka, topics));
    }

    /**
     * Starts reading each topic from its beginning in the background, logged in as its {@link
     * KafkaClientConfig}: on a secured Kafka each owner reads only its own results.
     */
    public ResultArrivals(Map<String, KafkaClientConfig> topics) {
        try {
            for (Map.Entry<String, KafkaClientConfig> topic : new TreeMap<>(topics).entrySet()) {
                tails.add(
                        TopicTail.builder(
                                        topic.getKey(),
                                        new ByteArrayDeserializer(),
                                        new ByteArrayDeserializer())
                                .clientConfig(topic.getValue())
                                .name("bench-results-" + topic.getKey())
                                .fromBeginning()
                                .partitionCount(1)
                                .onRecord(this::arrived)
                                .start());
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static Map<String, KafkaClientConfig> readers(
            KafkaClientConfig kafka, List<String> topics) {
        Map<String, KafkaClientConfig> readers = new LinkedHashMap<>();
        topics.forEach(t -> readers.put(t, kafka));
        return readers;
    }

    /** Runs on a tail's thread: a result that is not JSON stops that tail. */
    private void arrived(ConsumerRecord<byte[], byte[]> r) {
        long now = System.currentTimeMillis();
        JsonNode n;
        try {
            n = json.readTree(r.value());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "A result in topic '"
                            + r.topic()
                            + "' at offset "
                            + r.offset()
                            + " is not JSON",
                    e);
        }
        arrivals.add(
                new Arrival(
                        r.topic(),
                        n.path("sourceId").asText(),
                        n.path("key").asText(),
                        n.path("eventTimeMs").asLong(),
                        now,
                        n.path("payload")));
    }

    /** Everything read so far, from {@code topic}. */
    public List<Arrival> of(String topic) {
        return arrivals.stream().filter(a -> a.topic().equals(topic)).toList();
    }

    /** Everything read so far, in arrival order. */
    public List<Arrival> all() {
        return List.copyOf(arrivals);
    }

    @Override
    public void close() {
        tails.forEach(TopicTail::close);
    }
}
