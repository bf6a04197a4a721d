package dev.flinkedge.jobs.cli.registry;

import dev.flinkedge.jobs.cli.FlinkEdgeCommand;

import picocli.CommandLine.Command;

/** {@code flink-edge streams}: the registry's operations on streams, as one owner. */
@Command(
        name = "streams",
        description = "Register, find, share and subscribe to streams in a running registry.",
        subcommands = {
            ListStreamsCommand.class,
            DescribeStreamCommand.class,
            CreateStreamCommand.class,
            GrantCommand.class,
            RevokeCommand.class,
            DeleteStreamCommand.class,
            SetStatusCommand.class,
            SubscribeCommand.class,
            UnsubscribeCommand.class,
            ResolveCommand.class
        })
public final class StreamsCommand implements FlinkEdgeCommand {}
