package dev.flinkedge.jobs.cli.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.jobs.cli.FlinkEdgeCli;
import dev.flinkedge.scheduler.supervision.SupervisorOptions;

import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** {@code supervisor start} refuses what it cannot run with, naming the fix. */
class SupervisorStartCommandTest {

    @TempDir Path workDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = FlinkEdgeCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 4];
        all[0] = "supervisor";
        all[1] = "start";
        all[2] = "--work-dir";
        all[3] = workDir.toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return cli.execute(all);
    }

    @Test
    void withoutALocalClusterTheTokensAreRequired() {
        assertThat(run("--job-jar", "job.jar")).isEqualTo(2);
        assertThat(err.toString())
                .contains("--tokens is required: no local cluster runs in")
                .contains(workDir.toString());
    }

    @Test
    void namesAJobJarThatIsNoFile() throws Exception {
        Path tokens =
                Files.writeString(workDir.resolve("tokens.properties"), "t0123456789=city-a\n");
        Path missing = workDir.resolve("missing.jar");

        assertThat(run("--tokens", tokens.toString(), "--job-jar", missing.toString()))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("job-jar " + missing + " is not a file")
                .contains("mvn package");
    }

    @Test
    void aTokensDirectoryNamesTheOwnersByFile() throws Exception {
        Path dir = Files.createDirectories(workDir.resolve("job-tokens"));
        Path jar = Files.writeString(workDir.resolve("job.jar"), "not started");
        SupervisorStartCommand command = new SupervisorStartCommand();
        new CommandLine(command)
                .parseArgs(
                        "--work-dir",
                        workDir.toString(),
                        "--tokens",
                        dir.toString(),
                        "--job-jar",
                        jar.toString(),
                        "--host-job-arg=--cameras.catalog",
                        "--host-job-arg=c.yaml");

        Configuration conf = command.configuration(Optional.empty());

        assertThat(conf.get(SupervisorOptions.TOKENS_DIR))
                .isEqualTo(dir.toAbsolutePath().toString());
        assertThat(conf.getOptional(SupervisorOptions.TOKENS_FILE)).isEmpty();
        assertThat(conf.get(SupervisorOptions.HOST_JOB_ARGS))
                .containsExactly("--cameras.catalog", "c.yaml");
        assertThat(conf.get(SupervisorOptions.PERIOD)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void passesTheKafkaPropertiesFileToTheHostJobsAndLetsItsServersHold() throws Exception {
        Path tokens =
                Files.writeString(workDir.resolve("tokens.properties"), "t0123456789=city-a\n");
        Path jar = Files.writeString(workDir.resolve("job.jar"), "not started");
        Path kafka =
                Files.writeString(
                        workDir.resolve("kafka.properties"), "bootstrap.servers=b:9092\n");
        SupervisorStartCommand command = new SupervisorStartCommand();
        new CommandLine(command)
                .parseArgs(
                        "--work-dir",
                        workDir.toString(),
                        "--tokens",
                        tokens.toString(),
                        "--job-jar",
                        jar.toString(),
                        "--kafka.properties",
                        kafka.toString(),
                        "--host-job-kafka-properties-dir",
                        "/etc/kafka-clients");

        Configuration conf = command.configuration(Optional.empty());

        assertThat(conf.get(SupervisorOptions.KAFKA_PROPERTIES))
                .isEqualTo(kafka.toAbsolutePath().toString());
        assertThat(conf.get(SupervisorOptions.HOST_JOB_KAFKA_PROPERTIES_DIR))
                .isEqualTo("/etc/kafka-clients");
        assertThat(conf.contains(SupervisorOptions.KAFKA_BOOTSTRAP_SERVERS))
                .as("the file's bootstrap.servers holds unless --bootstrap-servers is given")
                .isFalse();
    }

    @Test
    void namesAKafkaPropertiesFileThatDoesNotExist() throws Exception {
        Path tokens =
                Files.writeString(workDir.resolve("tokens.properties"), "t0123456789=city-a\n");
        Path missing = workDir.resolve("nope.properties");

        assertThat(
                        run(
                                "--tokens",
                                tokens.toString(),
                                "--job-jar",
                                "job.jar",
                                "--kafka.properties",
                                missing.toString()))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("--kafka.properties " + missing.toAbsolutePath())
                .contains("does not exist or is not readable");
    }
}
