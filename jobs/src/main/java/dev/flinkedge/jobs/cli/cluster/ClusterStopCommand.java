package dev.flinkedge.jobs.cli.cluster;

import dev.flinkedge.jobs.cli.CliException;
import dev.flinkedge.jobs.cli.DurationConverter;
import dev.flinkedge.scheduler.cluster.ClusterState;
import dev.flinkedge.scheduler.cluster.ClusterStateFile;
import dev.flinkedge.scheduler.cluster.LocalEdgeCluster;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code cluster stop}: stops every process of the local edge cluster (SIGTERM, then SIGKILL after
 * the grace period) and removes its state file. Data and logs stay in the work directory.
 */
@Command(
        name = "stop",
        description =
                "Stop every process of the local edge cluster and remove"
                        + " its state file; logs and data stay in the work directory.")
final class ClusterStopCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin WorkDirOption workDir;

    @Option(
            names = "--grace",
            defaultValue = "30s",
            converter = DurationConverter.class,
            description =
                    "How long each process may take to exit after SIGTERM before it is"
                            + " killed (default ${DEFAULT-VALUE}).")
    Duration grace;

    @Override
    public Integer call() throws Exception {
        ClusterStateFile stateFile = new ClusterStateFile(workDir.workDir);
        ClusterState state =
                stateFile
                        .read()
                        .orElseThrow(
                                () ->
                                        new CliException(
                                                "no local"
                                                        + " cluster in "
                                                        + workDir.workDir.toAbsolutePath()
                                                        + " (no "
                                                        + stateFile.path()
                                                        + "); nothing to stop"));
        PrintWriter out = spec.commandLine().getOut();
        List<String> lines = LocalEdgeCluster.stop(state, grace);
        lines.forEach(line -> out.println("  " + line));
        if (stateFile.read().isPresent()) {
            out.flush();
            throw new CliException(
                    "some processes are still running; the state file "
                            + stateFile.path()
                            + " is kept so that stop can be retried");
        }
        out.println("Cluster stopped.");
        out.flush();
        return 0;
    }
}
