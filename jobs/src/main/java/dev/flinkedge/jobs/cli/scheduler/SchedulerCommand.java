package dev.flinkedge.jobs.cli.scheduler;

import dev.flinkedge.jobs.cli.FlinkEdgeCommand;

import picocli.CommandLine.Command;

/** {@code flink-edge scheduler}: the adaptive controller of camera policies. */
@Command(
        name = "scheduler",
        description =
                "Run the adaptive scheduler: read the pipelines' metrics, decide each camera's"
                        + " frame rate, resolution and offloading, publish policies.",
        subcommands = {SchedulerStartCommand.class})
public final class SchedulerCommand implements FlinkEdgeCommand {}
