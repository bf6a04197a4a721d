package dev.flinkedge.registry.cli;

import picocli.CommandLine.Command;

/** {@code flink-edge registry}: runs the shared stream registry. */
@Command(
        name = "registry",
        description = "Run the shared stream registry.",
        subcommands = RegistryStartCommand.class)
public final class RegistryCommand implements FlinkEdgeCommand {}
