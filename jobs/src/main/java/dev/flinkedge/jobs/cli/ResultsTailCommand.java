package dev.flinkedge.jobs.cli;

import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.kafka.TopicTail;
import dev.flinkedge.kafka.Topics;
import dev.flinkedge.registry.model.InvalidFieldException;
import dev.flinkedge.registry.model.ResultTopics;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code results tail OWNER/NAME}: prints a result topic's JSON records as they arrive, one per
 * line — from now on, or from the beginning. Reads every partition without a consumer group, so it
 * commits nothing and disturbs no other reader.
 */
@Command(
        name = "tail",
        description =
                "Print the JSON results of a topic as they arrive, one per"
                        + " line, until --max records or --idle-timeout (default: until interrupted).")
final class ResultsTailCommand implements Callable<Integer> {

    /** Environment variable with the Kafka bootstrap servers. */
    static final String KAFKA_ENV = "FLINK_EDGE_KAFKA";

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(200);

    @Spec CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "RESULTS",
            description =
                    "The results of a job as OWNER/NAME, e.g. city-a/plates (the topic"
                            + " flinkedge.city--a.results.plates), or a topic by its Kafka name.")
    String results;

    /** Set by {@link #call()}: the topic that {@link #results} names. */
    private String topic;

    @Option(
            names = "--from-beginning",
            description =
                    "Start at the oldest record still in the" + " topic instead of the newest.")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
    Long max;

    @Option(
            names = "--idle-timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Stop when no record arrived for this long, e.g. 10s.")
    Duration idleTimeout;

    @Option(
            names = "--keys",
            description =
                    "Print each record's key (camera, vehicle or area)"
                            + " and a tab before its JSON.")
    boolean keys;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT",
            description =
                    "Kafka cluster of the result topics (default: the bootstrap.servers of"
                            + " --kafka.properties, else $"
                            + KAFKA_ENV
                            + ", else localhost:9092).")
    String bootstrapServers;

    @Mixin KafkaPropertiesOption kafkaProperties;

    /** Set by {@link #call()}: how this command reaches Kafka. */
    private KafkaClientConfig kafka;

    /** How this command reaches Kafka, from its options and the environment. */
    KafkaClientConfig kafkaConfig() {
        String env = System.getenv(KAFKA_ENV);
        return kafkaProperties.resolve(
                bootstrapServers, env == null || env.isBlank() ? "localhost:9092" : env);
    }

    @Override
    public Integer call() {
        if (max != null && max < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--max must be at least 1, got " + max);
        }
        try {
            topic = ResultTopics.resolve(results);
        } catch (InvalidFieldException e) {
            throw new ParameterException(
                    spec.commandLine(), "Invalid results '" + results + "': " + e.getMessage());
        }
        kafka = kafkaConfig();
        checkTopicExists();
        PrintWriter out = spec.commandLine().getOut();
        // The tail's thread hands records over; this thread prints them and decides when to stop.
        BlockingQueue<ConsumerRecord<String, String>> arrived = new LinkedBlockingQueue<>();
        TopicTail.Builder<String, String> builder =
                TopicTail.builder(topic, new StringDeserializer(), new StringDeserializer())
                        .clientConfig(kafka)
                        .name("flink-edge-results-tail-" + topic)
                        .defaultClientId("flink-edge-results-tail")
                        .timeout(KAFKA_TIMEOUT)
                        .onRecord(arrived::add);
        try (TopicTail<String, String> tail =
                fromBeginning ? builder.fromBeginning().start() : builder.fromEnd().start()) {
            long printed = 0;
            long lastArrival = System.nanoTime();
            while (max == null || printed < max) {
                ConsumerRecord<String, String> r =
                        arrived.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (r == null) {
                    if (!tail.isRunning()) {
                        throw new CliException(
                                "Stopped reading topic '"
                                        + topic
                                        + "' at "
                                        + kafka.bootstrapServers()
                                        + ": "
                                        + tail.failure(),
                                tail.failure());
                    }
                    if (idleTimeout != null
                            && System.nanoTime() - lastArrival > idleTimeout.toNanos()) {
                        break;
                    }
                    continue;
                }
                out.println(keys ? r.key() + "\t" + r.value() : r.value());
                lastArrival = System.nanoTime();
                printed++;
                if (arrived.isEmpty()) {
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.flush();
        return 0;
    }

    private void checkTopicExists() {
        Set<String> topics;
        try (Topics admin = Topics.connect(kafka, KAFKA_TIMEOUT)) {
            topics = admin.names();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted while looking for topic '" + topic + "'", e);
        } catch (IllegalStateException e) {
            throw new CliException(
                    e.getMessage() + "; pass --bootstrap-servers HOST:PORT or set " + KAFKA_ENV, e);
        }
        if (!topics.contains(topic)) {
            throw new CliException(
                    "No topic '"
                            + topic
                            + "' on "
                            + kafka.bootstrapServers()
                            + " that this login may read; result topics exist once a job writing"
                            + " them starts, and on a secured Kafka only their owner reads them"
                            + " (pass the owner's --kafka.properties; readable: "
                            + topics.stream().filter(t -> !t.startsWith("_")).sorted().toList()
                            + ")");
        }
    }
}
