package dev.flinkedge.jobs.cli.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.jobs.cli.FlinkEdgeCli;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.scheduler.control.ControlSettings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code flink-edge scheduler start}: bad input is refused before anything starts. */
class SchedulerStartCommandTest {

    @TempDir Path workDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = FlinkEdgeCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 4];
        all[0] = "scheduler";
        all[1] = "start";
        all[2] = "--work-dir";
        all[3] = workDir.toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return cli.execute(all);
    }

    @Test
    void namesTheKnownPoliciesForAnUnknownOne() {
        assertThat(run("--policy", "magic", "--bootstrap-servers", "localhost:1")).isEqualTo(2);
        assertThat(err.toString())
                .contains("Unknown scheduling policy 'magic'")
                .contains("[fixed, slo-feedback, profile, lifetime]");
    }

    @Test
    void refusesUnknownOptionKeysAndValuesOutOfRange() {
        assertThat(run("--policy", "fixed", "-D", "scheduler.no-such=1")).isEqualTo(2);
        assertThat(err.toString())
                .contains("Unknown option -D scheduler.no-such")
                .contains("scheduler.slo-feedback.increase-step");

        assertThat(run("--policy", "slo-feedback", "-D", "scheduler.slo-feedback.increase-below=2"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("scheduler.slo-feedback.increase-below is 2.0");

        assertThat(run("--policy", "fixed", "-D", "scheduler.admission.rate=0")).isEqualTo(2);
        assertThat(err.toString()).contains("scheduler.admission.rate is 0.0; it must be in (0.0");
    }

    @Test
    void saysWhatEachPolicyNeeds() {
        assertThat(run("--policy", "profile", "--bootstrap-servers", "localhost:1")).isEqualTo(2);
        assertThat(err.toString()).contains("needs scheduler.profile.file");

        assertThat(run("--policy", "lifetime", "--bootstrap-servers", "localhost:1")).isEqualTo(2);
        assertThat(err.toString()).contains("needs a topology");

        assertThat(run("--policy", "fixed")).isEqualTo(2);
        assertThat(err.toString())
                .contains("--bootstrap-servers or --kafka.properties is required");
    }

    @Test
    void aMissingProfileFileIsAnError() {
        assertThat(
                        run(
                                "--policy",
                                "profile",
                                "--profile",
                                workDir.resolve("none.json").toString(),
                                "--bootstrap-servers",
                                "localhost:1"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("none.json does not exist");
    }

    @Test
    void takesKafkaFromThePropertiesFileUnlessServersAreGiven() throws Exception {
        Path file =
                Files.writeString(
                        workDir.resolve("kafka.properties"),
                        "bootstrap.servers=from-file:9092\nsecurity.protocol=SASL_SSL\n");
        SchedulerStartCommand command = new SchedulerStartCommand();
        CommandLine cli = new CommandLine(command);
        cli.parseArgs(
                "--work-dir",
                workDir.toString(),
                "--policy",
                "fixed",
                "--kafka.properties",
                file.toString());
        command.spec = cli.getCommandSpec();

        KafkaClientConfig fromFile =
                command.kafkaConfig(ControlSettings.from(command.configuration(Optional.empty())));

        assertThat(fromFile.bootstrapServers()).isEqualTo("from-file:9092");
        assertThat(fromFile.properties()).containsEntry("security.protocol", "SASL_SSL");

        cli.parseArgs(
                "--work-dir",
                workDir.toString(),
                "--policy",
                "fixed",
                "--kafka.properties",
                file.toString(),
                "--bootstrap-servers",
                "flag:9092");
        KafkaClientConfig withFlag =
                command.kafkaConfig(ControlSettings.from(command.configuration(Optional.empty())));

        assertThat(withFlag.bootstrapServers()).isEqualTo("flag:9092");
        assertThat(withFlag.properties()).containsEntry("security.protocol", "SASL_SSL");
    }
}
