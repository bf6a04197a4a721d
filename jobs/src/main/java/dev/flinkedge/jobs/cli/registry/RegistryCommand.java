package dev.flinkedge.jobs.cli.registry;

import dev.flinkedge.jobs.cli.FlinkEdgeCommand;

import picocli.CommandLine.Command;

/** {@code flink-edge registry}: runs the shared stream registry, or walks through it. */
@Command(
        name = "registry",
        description = "Run the shared stream registry, or walk through it (demo).",
        subcommands = {RegistryStartCommand.class, RegistryDemoCommand.class})
public final class RegistryCommand implements FlinkEdgeCommand {}
