package dev.flinkedge.jobs.cli.registry;

import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.model.StreamRef;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code streams revoke OWNER/NAME GRANTEE}: takes a grant back, ending the grantee's leases. */
@Command(
        name = "revoke",
        description =
                "Take back another owner's read access to one of your"
                        + " streams; their subscriptions to it end too.")
final class RevokeCommand extends ClientCommand {

    @Parameters(
            index = "0",
            paramLabel = "OWNER/NAME",
            converter = StreamRefConverter.class,
            description = "Your stream.")
    StreamRef stream;

    @Parameters(index = "1", paramLabel = "GRANTEE", description = "The owner to revoke.")
    String grantee;

    @Override
    protected int run(StreamRegistry registry) {
        registry.revoke(stream, grantee);
        out().println(
                        "revoked "
                                + grantee
                                + "'s read access to "
                                + stream
                                + "; their subscriptions to it ended");
        return 0;
    }
}
