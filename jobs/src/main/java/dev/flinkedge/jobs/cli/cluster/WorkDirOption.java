package dev.flinkedge.jobs.cli.cluster;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --work-dir} option shared by the {@code cluster} and {@code scheduler} commands. */
public final class WorkDirOption {

    /** The environment variable {@code bin/flink} reads the work directory from. */
    public static final String ENV = "FLINK_EDGE_WORK_DIR";

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            defaultValue = "${env:" + ENV + ":-work}",
            description =
                    "The cluster's work directory: config, logs, data and"
                            + " cluster/cluster.json (default: $"
                            + ENV
                            + ", else ${DEFAULT-VALUE}).")
    public Path workDir;
}
