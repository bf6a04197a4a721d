package dev.flinkedge.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.runtime.StreamTopics;
import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.registry.model.ResultTopics;
import dev.flinkedge.registry.testutil.Wait;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@code flink-edge results tail} against a real broker. */
class ResultsTailCommandITCase {

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void connect() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(p);
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    private static void send(String topic, String key, String json) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, json)).get(10, TimeUnit.SECONDS);
    }

    /** Output of one in-process run. */
    private record Run(int exitCode, String out, String err) {}

    private static Run tail(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FlinkEdgeCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 4];
        all[0] = "results";
        all[1] = "tail";
        System.arraycopy(args, 0, all, 2, args.length);
        all[all.length - 2] = "--bootstrap-servers";
        all[all.length - 1] = KAFKA.bootstrapServers();
        int exitCode = cli.execute(all);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void ownerSlashNameReadsTheOwnersResultTopicFromTheBeginning() throws Exception {
        String topic = ResultTopics.topicFor("city-a", "plates-1");
        StreamTopics.ensure(KafkaClientConfig.of(KAFKA.bootstrapServers()), Map.of(topic, 1));
        for (int i = 0; i < 5; i++) {
            send(topic, "AB12CD" + i, "{\"plate\":\"AB12CD" + i + "\"}");
        }

        Run run = tail("city-a/plates-1", "--from-beginning", "--max", "3", "--keys");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines())
                .containsExactly(
                        "AB12CD0\t{\"plate\":\"AB12CD0\"}",
                        "AB12CD1\t{\"plate\":\"AB12CD1\"}",
                        "AB12CD2\t{\"plate\":\"AB12CD2\"}");
    }

    @Test
    void anInvalidOwnerIsBadUsage() {
        Run run = tail("city a/plates", "--max", "1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid results 'city a/plates'").contains("owner");
    }

    @Test
    void withoutFromBeginningOnlyNewRecordsArePrinted() throws Exception {
        StreamTopics.ensure(KafkaClientConfig.of(KAFKA.bootstrapServers()), Map.of("counts-2", 2));
        send("counts-2", "cam-1", "{\"old\":1}");
        CompletableFuture<Run> running =
                CompletableFuture.supplyAsync(() -> tail("counts-2", "--max", "2"));
        int[] sent = {0};
        // The tail starts at the end at some moment: keep sending until it has printed two.
        Wait.until(
                () -> {
                    try {
                        send("counts-2", "cam-" + (sent[0] % 2), "{\"new\":" + sent[0]++ + "}");
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                    return running.isDone();
                },
                Duration.ofSeconds(30),
                "the tail to print two new records");

        Run run = running.get();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(2).allMatch(l -> l.startsWith("{\"new\":"));
    }

    @Test
    void anIdleTopicEndsTheTailAfterTheIdleTimeout() throws Exception {
        StreamTopics.ensure(KafkaClientConfig.of(KAFKA.bootstrapServers()), Map.of("quiet-3", 1));
        send("quiet-3", "cam-1", "{\"old\":1}");

        Run run = tail("quiet-3", "--idle-timeout", "500ms");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingTopicIsNamedWithTheExistingOnes() throws Exception {
        StreamTopics.ensure(
                KafkaClientConfig.of(KAFKA.bootstrapServers()), Map.of("vehicles-4", 1));

        Run run = tail("nope", "--max", "1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("No topic 'nope'").contains("vehicles-4");
    }

    @Test
    void aMaxBelowOneIsBadUsage() {
        Run run = tail("plates-1", "--max", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--max must be at least 1");
    }
}
