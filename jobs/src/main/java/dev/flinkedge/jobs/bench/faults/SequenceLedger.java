package dev.flinkedge.jobs.bench.faults;

import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.kafka.TopicTail;

import org.apache.kafka.common.serialization.StringDeserializer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows the fault suite's sequence topics ({@code camera#sequence} lines, see {@code
 * SequenceLog}) from the beginning with {@code read_committed}, as a user's consumer reads them,
 * and keeps for each topic how often each line arrived and when (this JVM's clock when its tail
 * handed the record over).
 */
final class SequenceLedger implements AutoCloseable {

    /** What one topic delivered so far. */
    record Seen(Map<String, Integer> counts, Map<String, Long> firstArrivalMs, long[] arrivalsMs) {}

    private final Map<String, Map<String, Integer>> counts = new HashMap<>();
    private final Map<String, Map<String, Long>> firstArrival = new HashMap<>();
    private final Map<String, List<Long>> arrivals = new HashMap<>();
    private final List<TopicTail<String, String>> tails = new ArrayList<>();

    /**
     * Starts following {@code topics} (they exist), each on a thread of its own and logged in as
     * its {@link KafkaClientConfig}: on a secured Kafka each owner reads its own topics.
     */
    SequenceLedger(Map<String, KafkaClientConfig> topics) {
        for (String topic : topics.keySet()) {
            counts.put(topic, new HashMap<>());
            firstArrival.put(topic, new HashMap<>());
            arrivals.put(topic, new ArrayList<>());
        }
        topics.forEach(
                (topic, kafka) ->
                        tails.add(
                                TopicTail.builder(
                                                topic,
                                                new StringDeserializer(),
                                                new StringDeserializer())
                                        .clientConfig(kafka)
                                        .name("fault-ledger-" + topic)
                                        .readCommitted()
                                        .fromBeginning()
                                        .onRecord(r -> arrived(topic, r.value()))
                                        .start()));
    }

    /** A tail's thread: one line of {@code topic} arrived. */
    private synchronized void arrived(String topic, String line) {
        long now = System.currentTimeMillis();
        counts.get(topic).merge(line, 1, Integer::sum);
        firstArrival.get(topic).putIfAbsent(line, now);
        arrivals.get(topic).add(now);
    }

    /** What {@code topic} delivered so far. */
    synchronized Seen seen(String topic) {
        return new Seen(
                Map.copyOf(counts.get(topic)),
                Map.copyOf(firstArrival.get(topic)),
                arrivals.get(topic).stream().mapToLong(Long::longValue).toArray());
    }

    @Override
    public void close() {
        tails.forEach(TopicTail::close);
    }
}
