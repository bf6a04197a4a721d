package dev.flinkedge.jobs.cli.bench;

import dev.flinkedge.jobs.cli.FlinkEdgeCommand;

import picocli.CommandLine.Command;

/** {@code flink-edge bench}: benchmarks that print numbers and assert nothing. */
@Command(
        name = "bench",
        description = "Benchmarks: they measure and report, they assert nothing.",
        subcommands = BenchRegistryCommand.class)
public final class BenchCommand implements FlinkEdgeCommand {}
