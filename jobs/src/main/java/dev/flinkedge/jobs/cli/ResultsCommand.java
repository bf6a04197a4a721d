package dev.flinkedge.jobs.cli;

import picocli.CommandLine.Command;

/** {@code flink-edge results}: reads the result topics the traffic jobs write. */
@Command(
        name = "results",
        description = "Read the JSON results the jobs write to Kafka topics.",
        subcommands = {ResultsTailCommand.class})
public final class ResultsCommand implements FlinkEdgeCommand {}
