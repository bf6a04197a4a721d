package dev.flinkedge.jobs.cli.registry;

import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code streams grant OWNER/NAME GRANTEE}: lets another owner read a stream of the caller's. */
@Command(
        name = "grant",
        description =
                "Let another owner read (resolve, derive from, subscribe"
                        + " to) one of your streams.")
final class GrantCommand extends ClientCommand {

    @Parameters(
            index = "0",
            paramLabel = "OWNER/NAME",
            converter = StreamRefConverter.class,
            description = "Your stream.")
    StreamRef stream;

    @Parameters(index = "1", paramLabel = "GRANTEE", description = "The owner to let read it.")
    String grantee;

    @Override
    protected int run(StreamRegistry registry) {
        StreamDescriptor d = registry.grant(stream, grantee);
        out().println(
                        "granted "
                                + grantee
                                + " read access to "
                                + d.ref()
                                + " (readers besides "
                                + d.owner()
                                + ": "
                                + String.join(", ", d.grants())
                                + ")");
        return 0;
    }
}
