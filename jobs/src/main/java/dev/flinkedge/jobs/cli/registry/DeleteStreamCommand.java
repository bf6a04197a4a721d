package dev.flinkedge.jobs.cli.registry;

import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.model.StreamRef;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code streams delete OWNER/NAME}: removes one of the caller's streams. */
@Command(
        name = "delete",
        description = "Delete one of your streams with its grants and" + " subscriptions.")
final class DeleteStreamCommand extends ClientCommand {

    @Parameters(
            index = "0",
            paramLabel = "OWNER/NAME",
            converter = StreamRefConverter.class,
            description = "Your stream.")
    StreamRef stream;

    @Option(names = "--force", description = "Delete even while subscriptions are live.")
    boolean force;

    @Override
    protected int run(StreamRegistry registry) {
        registry.delete(stream, force);
        out().println("deleted " + stream);
        return 0;
    }
}
