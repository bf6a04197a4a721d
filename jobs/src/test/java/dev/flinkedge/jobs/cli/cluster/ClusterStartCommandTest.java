package dev.flinkedge.jobs.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.jobs.cli.FlinkEdgeCli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code cluster start --no-embedded-kafka} turns the embedded broker off, {@code --no-supervisor}
 * the stream supervisor.
 */
class ClusterStartCommandTest {

    private static ClusterStartCommand parse(String... args) {
        ClusterStartCommand command = new ClusterStartCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void theEmbeddedBrokerIsOnUnlessNegated() {
        assertThat(parse("--topology", "t.yaml").embeddedKafka).isTrue();
        assertThat(parse("--topology", "t.yaml", "--embedded-kafka").embeddedKafka).isTrue();
        assertThat(
                        parse(
                                        "--topology",
                                        "t.yaml",
                                        "--no-embedded-kafka",
                                        "--bootstrap-servers",
                                        "kafka:9092")
                                .embeddedKafka)
                .isFalse();
    }

    @Test
    void theSupervisorIsOnUnlessNegatedAndTakesHostJobArguments() {
        assertThat(parse("--topology", "t.yaml").supervisor).isTrue();
        assertThat(parse("--topology", "t.yaml", "--no-supervisor").supervisor).isFalse();
        assertThat(
                        parse(
                                        "--topology",
                                        "t.yaml",
                                        "--host-job-arg=--cameras.catalog",
                                        "--host-job-arg=cameras.yaml")
                                .hostJobArgs)
                .containsExactly("--cameras.catalog", "cameras.yaml");
    }

    @Test
    void anExistingKafkaMayBeGivenByItsClientPropertiesFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("kafka.properties"), "security.protocol=SSL\n");

        assertThat(
                        parse(
                                        "--topology",
                                        "t.yaml",
                                        "--no-embedded-kafka",
                                        "--kafka.properties",
                                        file.toString())
                                .kafkaProperties)
                .isEqualTo(file);

        StringWriter err = new StringWriter();
        CommandLine cli = FlinkEdgeCli.commandLine();
        cli.setErr(new PrintWriter(err));
        int embeddedAndFile =
                cli.execute(
                        "cluster",
                        "start",
                        "--work-dir",
                        dir.toString(),
                        "--topology",
                        "t.yaml",
                        "--kafka.properties",
                        file.toString());
        assertThat(embeddedAndFile).isEqualTo(2);
        assertThat(err.toString())
                .contains("--bootstrap-servers and --kafka.properties are for an existing Kafka");

        int noServers =
                cli.execute(
                        "cluster",
                        "start",
                        "--work-dir",
                        dir.toString(),
                        "--topology",
                        "t.yaml",
                        "--no-embedded-kafka",
                        "--kafka.properties",
                        file.toString());
        assertThat(noServers).isEqualTo(2);
        assertThat(err.toString()).contains("does not set bootstrap.servers");
    }
}
