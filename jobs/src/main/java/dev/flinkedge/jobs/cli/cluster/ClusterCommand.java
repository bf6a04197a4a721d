package dev.flinkedge.jobs.cli.cluster;

import dev.flinkedge.jobs.cli.FlinkEdgeCommand;

import picocli.CommandLine.Command;

/** {@code flink-edge cluster}: starts, shows and stops a local edge cluster. */
@Command(
        name = "cluster",
        description =
                "Run a local edge cluster: Kafka, the registry, a Flink JobManager and one"
                        + " TaskManager per site, as separate processes.",
        subcommands = {
            ClusterStartCommand.class,
            ClusterStatusCommand.class,
            ClusterStopCommand.class
        })
public final class ClusterCommand implements FlinkEdgeCommand {}
