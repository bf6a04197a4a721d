package dev.flinkedge.jobs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

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
    public record Arrival(String topic, String sourceId, String key, long captureMs,
            long arrivalMs, JsonNode payload) {}

    private final ObjectMapper json = new ObjectMapper();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** Starts reading {@code topics} from their beginning in a background thread. */
    public ResultArrivals(String bootstrapServers, List<String> topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = topics.stream()
                .map(t -> new TopicPartition(t, 0)).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::run, "bench-results");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.currentTimeMillis();
                    JsonNode n = json.readTree(r.value());
                    arrivals.add(new Arrival(r.topic(), n.path("sourceId").asText(),
                            n.path("key").asText(), n.path("eventTimeMs").asLong(), now,
                            n.path("payload")));
                }
            }
        } catch (WakeupException e) {
            // close() woke the consumer up: the loop is over.
        } catch (IOException e) {
            throw new IllegalStateException("A result is not JSON", e);
        } finally {
            consumer.close();
        }
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
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5000);
    }
}
