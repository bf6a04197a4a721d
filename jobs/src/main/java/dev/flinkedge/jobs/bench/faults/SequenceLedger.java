package dev.flinkedge.jobs.bench.faults;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Follows the fault suite's sequence topics ({@code camera#sequence} lines, see {@code
 * SequenceLog}) from the beginning with {@code read_committed}, as a user's consumer reads them,
 * and keeps for each topic how often each line arrived and when (this JVM's clock at the poll that
 * returned it).
 */
final class SequenceLedger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SequenceLedger.class);

    /** What one topic delivered so far. */
    record Seen(Map<String, Integer> counts, Map<String, Long> firstArrivalMs, long[] arrivalsMs) {}

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, Map<String, Integer>> counts = new HashMap<>();
    private final Map<String, Map<String, Long>> firstArrival = new HashMap<>();
    private final Map<String, List<Long>> arrivals = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** Starts following {@code topics} (they exist) on a thread of its own. */
    SequenceLedger(String bootstrapServers, List<String> topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            counts.put(topic, new HashMap<>());
            firstArrival.put(topic, new HashMap<>());
            arrivals.put(topic, new ArrayList<>());
            consumer.partitionsFor(topic)
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::follow, "fault-sequence-ledger");
        thread.setDaemon(true);
        thread.start();
    }

    /** Thread: fault-sequence-ledger. Polls until closed; the broker may be away meanwhile. */
    private void follow() {
        try {
            while (running) {
                List<ConsumerRecord<String, String>> batch = new ArrayList<>();
                consumer.poll(Duration.ofMillis(200)).forEach(batch::add);
                long now = System.currentTimeMillis();
                synchronized (this) {
                    for (ConsumerRecord<String, String> r : batch) {
                        counts.get(r.topic()).merge(r.value(), 1, Integer::sum);
                        firstArrival.get(r.topic()).putIfAbsent(r.value(), now);
                        arrivals.get(r.topic()).add(now);
                    }
                }
            }
        } catch (WakeupException e) {
            LOG.debug("Sequence ledger woken up to close");
        } catch (RuntimeException e) {
            LOG.error("Sequence ledger stopped following its topics", e);
        } finally {
            consumer.close();
        }
    }

    /** What {@code topic} delivered so far. */
    synchronized Seen seen(String topic) {
        return new Seen(
                Map.copyOf(counts.get(topic)),
                Map.copyOf(firstArrival.get(topic)),
                arrivals.get(topic).stream().mapToLong(Long::longValue).toArray());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}
