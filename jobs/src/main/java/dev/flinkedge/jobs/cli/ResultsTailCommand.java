package dev.flinkedge.jobs.cli;

import dev.flinkedge.jobs.cli.CliException;
import dev.flinkedge.jobs.cli.DurationConverter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code results tail TOPIC}: prints a result topic's JSON records as they arrive, one per line —
 * from now on, or from the beginning. Reads every partition without a consumer group, so it
 * commits nothing and disturbs no other reader.
 */
@Command(name = "tail", description = "Print the JSON results of a topic as they arrive, one per"
        + " line, until --max records or --idle-timeout (default: until interrupted).")
final class ResultsTailCommand implements Callable<Integer> {

    /** Environment variable with the Kafka bootstrap servers. */
    static final String KAFKA_ENV = "FLINK_EDGE_KAFKA";

    private static final Duration POLL = Duration.ofMillis(200);

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TOPIC", description = "Result topic, e.g. plates.")
    String topic;

    @Option(names = "--from-beginning", description = "Start at the oldest record still in the"
            + " topic instead of the newest.")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
    Long max;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop when no record arrived for this long, e.g. 10s.")
    Duration idleTimeout;

    @Option(names = "--keys", description = "Print each record's key (camera, vehicle or area)"
            + " and a tab before its JSON.")
    boolean keys;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            defaultValue = "${env:" + KAFKA_ENV + ":-localhost:9092}",
            description = "Kafka cluster of the result topics (default: $" + KAFKA_ENV
                    + ", else localhost:9092).")
    String bootstrapServers;

    @Override
    public Integer call() {
        if (max != null && max < 1) {
            throw new ParameterException(spec.commandLine(), "--max must be at least 1, got "
                    + max);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties())) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            // Resolve the start offsets now, so that records sent from here on are printed.
            partitions.forEach(consumer::position);
            long printed = 0;
            long lastArrival = System.nanoTime();
            while (max == null || printed < max) {
                if (idleTimeout != null
                        && System.nanoTime() - lastArrival > idleTimeout.toNanos()) {
                    break;
                }
                for (ConsumerRecord<String, String> r : consumer.poll(POLL)) {
                    out.println(keys ? r.key() + "\t" + r.value() : r.value());
                    lastArrival = System.nanoTime();
                    if (max != null && ++printed >= max) {
                        break;
                    }
                }
                out.flush();
            }
        } catch (InterruptException e) {
            Thread.currentThread().interrupt();
        }
        out.flush();
        return 0;
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        Map<String, List<PartitionInfo>> topics;
        try {
            topics = consumer.listTopics(Duration.ofSeconds(15));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new CliException("Kafka at " + bootstrapServers + " did not answer within 15 s;"
                    + " pass --bootstrap-servers HOST:PORT or set " + KAFKA_ENV, e);
        }
        List<PartitionInfo> infos = topics.get(topic);
        if (infos == null || infos.isEmpty()) {
            throw new CliException("No topic '" + topic + "' on " + bootstrapServers + "; result"
                    + " topics exist once a job writing them starts (known: "
                    + topics.keySet().stream().filter(t -> !t.startsWith("_")).sorted().toList()
                    + ")");
        }
        return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "flink-edge-results-tail");
        return p;
    }
}
