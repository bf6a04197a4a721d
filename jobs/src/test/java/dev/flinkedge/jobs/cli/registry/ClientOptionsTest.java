package dev.flinkedge.jobs.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where a registry command finds its token and how it trusts an https registry. */
class ClientOptionsTest {

    @TempDir Path dir;

    @Command(name = "cmd")
    static final class Cmd implements Runnable {
        @Mixin ClientOptions options;

        @Override
        public void run() {}
    }

    private static ClientOptions parse(String... args) {
        Cmd cmd = new Cmd();
        new CommandLine(cmd).parseArgs(args);
        return cmd.options;
    }

    @Test
    void readsTheTokenFromTokenFile() throws Exception {
        Path file = Files.writeString(dir.resolve("city-a"), "  fe-token-of-city-a\n");
        assertThat(parse("--token-file", file.toString()).token()).isEqualTo("fe-token-of-city-a");
        assertThat(parse("--token", "fe-given-token").token()).isEqualTo("fe-given-token");
    }

    @Test
    void aMissingOrEmptyTokenFileIsAClearError() throws Exception {
        Path absent = dir.resolve("absent");
        assertThatThrownBy(() -> parse("--token-file", absent.toString()).token())
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("Cannot read the registry token file " + absent)
                .hasMessageContaining("--token-file");
        Path empty = Files.writeString(dir.resolve("empty"), " \n");
        assertThatThrownBy(() -> parse("--token-file", empty.toString()).token())
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining(empty + " (--token-file) is empty");
    }

    @Test
    void tokenAndTokenFileTogetherAreRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("city-a"), "fe-token-of-city-a");
        assertThatThrownBy(() -> parse("--token", "x", "--token-file", file.toString()).token())
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("either --token or --token-file");
    }

    @Test
    void anUnreadableTruststoreNamesTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("city-a"), "fe-token-of-city-a");
        Path truststore = dir.resolve("missing.p12");
        assertThatThrownBy(
                        () ->
                                parse(
                                                "--registry",
                                                "https://localhost:8090",
                                                "--token-file",
                                                file.toString(),
                                                "--registry-truststore",
                                                truststore.toString())
                                        .client())
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("Cannot read the truststore " + truststore.toAbsolutePath())
                .hasMessageContaining("--registry-truststore");
    }
}
