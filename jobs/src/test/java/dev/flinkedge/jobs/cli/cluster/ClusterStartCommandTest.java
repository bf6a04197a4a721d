package dev.flinkedge.jobs.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

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
}
