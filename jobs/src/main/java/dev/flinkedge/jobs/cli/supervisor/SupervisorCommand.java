package dev.flinkedge.jobs.cli.supervisor;

import dev.flinkedge.jobs.cli.FlinkEdgeCommand;

import picocli.CommandLine.Command;

/** {@code flink-edge supervisor}: the stream supervisor that re-hosts orphaned streams. */
@Command(
        name = "supervisor",
        description =
                "Run the stream supervisor: keep every subscribed stream of the owners it has"
                        + " tokens for produced, by starting a host job when its producer stops.",
        subcommands = {SupervisorStartCommand.class})
public final class SupervisorCommand implements FlinkEdgeCommand {}
