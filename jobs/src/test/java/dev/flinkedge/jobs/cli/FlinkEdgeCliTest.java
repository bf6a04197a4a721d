package dev.flinkedge.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.jobs.cli.registry.ClientOptions;
import dev.flinkedge.kafka.KafkaClientConfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

class FlinkEdgeCliTest {

    @Test
    void discoversThisModulesCommandsThroughTheServiceLoader() {
        assertThat(FlinkEdgeCli.commandLine().getSubcommands())
                .containsKeys(
                        "registry",
                        "streams",
                        "bench",
                        "cluster",
                        "scheduler",
                        "supervisor",
                        "k8s",
                        "plan",
                        "demo",
                        "results");
    }

    @Test
    void printsItsVersion() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("flink-edge ");
    }

    @Test
    void aMissingTokenIsAUsageErrorNamingBothWaysToGiveIt() throws Exception {
        CliRun run =
                CliRun.inChildWithout(ClientOptions.TOKEN_ENV, FlinkEdgeCli.class, "streams", "ls");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .hasLineCount(1)
                .contains("--token TOKEN")
                .contains(ClientOptions.TOKEN_ENV);
    }

    @Test
    void anUnknownCommandIsAOneLineUsageErrorWithASuggestion() {
        CliRun run = CliRun.of("streams", "lss");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .hasLineCount(1)
                .startsWith("error: Unmatched argument")
                .contains("did you mean ls?")
                .contains("see 'flink-edge streams --help'");
    }

    @Test
    void anUnreachableRegistryIsARegistryError() {
        CliRun run =
                CliRun.of(
                        "streams",
                        "ls",
                        "--registry",
                        "http://127.0.0.1:1",
                        "--token",
                        "token-alice-0001");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).hasLineCount(1).startsWith("error 50302: Cannot reach the registry");
    }

    @Test
    void verbosePrintsTheStackTraceToo() {
        CliRun run =
                CliRun.of(
                        "streams",
                        "ls",
                        "--registry",
                        "http://127.0.0.1:1",
                        "--token",
                        "token-alice-0001",
                        "--verbose");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("error 50302:")
                .contains("RegistryUnavailableException")
                .contains("\tat ");
    }

    @Test
    void registryStartWithoutEmbeddedKafkaNeedsATokensFile() {
        CliRun run = CliRun.of("registry", "start", "--bootstrap-servers", "localhost:9092");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains("--tokens FILE is required");
    }

    @Test
    void registryStartTakesOneKafka() {
        CliRun run =
                CliRun.of(
                        "registry",
                        "start",
                        "--embedded-kafka",
                        "--bootstrap-servers",
                        "localhost:9092");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains("mutually exclusive");
        assertThat(CliRun.of("registry", "start").exitCode()).isEqualTo(2);
    }

    @Test
    void registryStartTakesAKafkaPropertiesFileInsteadOfServers(@TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("kafka.properties"), "sasl.mechanism=PLAIN\n");

        CliRun withoutTokens =
                CliRun.of("registry", "start", "--kafka.properties", file.toString());
        assertThat(withoutTokens.exitCode()).isEqualTo(2);
        assertThat(withoutTokens.err()).contains("--tokens FILE is required");

        Path tokens = Files.writeString(dir.resolve("tokens.properties"), "t0123456789=city-a\n");
        CliRun noServers =
                CliRun.of(
                        "registry",
                        "start",
                        "--kafka.properties",
                        file.toString(),
                        "--tokens",
                        tokens.toString());
        assertThat(noServers.exitCode()).isEqualTo(1);
        assertThat(noServers.err())
                .contains(file.toString())
                .contains("does not set bootstrap.servers");

        CliRun both =
                CliRun.of(
                        "registry",
                        "start",
                        "--embedded-kafka",
                        "--kafka.properties",
                        file.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void resultsTailTakesKafkaFromThePropertiesFileUnlessServersAreGiven(@TempDir Path dir)
            throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("kafka.properties"),
                        "bootstrap.servers=from-file:9092\nsecurity.protocol=SASL_SSL\n");
        ResultsTailCommand command = new ResultsTailCommand();
        new CommandLine(command).parseArgs("plates", "--kafka.properties", file.toString());

        KafkaClientConfig fromFile = command.kafkaConfig();

        assertThat(fromFile.bootstrapServers()).isEqualTo("from-file:9092");
        assertThat(fromFile.properties()).containsEntry("security.protocol", "SASL_SSL");

        command = new ResultsTailCommand();
        new CommandLine(command)
                .parseArgs(
                        "plates",
                        "--kafka.properties",
                        file.toString(),
                        "--bootstrap-servers",
                        "flag:9092");
        assertThat(command.kafkaConfig().bootstrapServers()).isEqualTo("flag:9092");
        assertThat(command.kafkaConfig().properties())
                .containsEntry("security.protocol", "SASL_SSL");
    }
}
