package dev.flinkedge.jobs.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.jobs.cli.CliRun;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** {@code bench faults} refuses bad options before it starts a cluster. */
class BenchFaultsCommandTest {

    @Test
    void namesTheKnownScenariosForAnUnknownOne() {
        CliRun run = CliRun.of("bench", "faults", "--scenario", "meteor", "--report", "r.json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("unknown scenario 'meteor'")
                .contains("producer-cancelled")
                .contains("producer-tm-killed-spare");
    }

    @Test
    void severalScenariosNeedAReportNamePerScenario() {
        CliRun run =
                CliRun.of(
                        "bench",
                        "faults",
                        "--scenario",
                        "broker-restarted,registry-down",
                        "--report",
                        "r.json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("put {scenario} in the name");
    }

    @Test
    void refusesANonPositiveLease() {
        CliRun run =
                CliRun.of(
                        "bench",
                        "faults",
                        "--scenario",
                        "registry-down",
                        "--report",
                        "r.json",
                        "--lease-seconds",
                        "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--lease-seconds");
    }

    @Test
    void gitCommitIsUnknownOutsideACheckout(@TempDir Path notACheckout) {
        assertThat(BenchFaultsCommand.gitCommit(notACheckout)).isEqualTo("unknown");
    }
}
