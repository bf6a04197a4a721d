package dev.flinkedge.jobs.cli.registry;

import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.model.StreamRef;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code streams unsubscribe OWNER/NAME ID}: ends a lease. */
@Command(name = "unsubscribe", description = "End a subscription (yours, or any on your stream).")
final class UnsubscribeCommand extends ClientCommand {

    @Parameters(
            index = "0",
            paramLabel = "OWNER/NAME",
            converter = StreamRefConverter.class,
            description = "The stream.")
    StreamRef stream;

    @Parameters(index = "1", paramLabel = "ID", description = "The subscription id.")
    String subscriptionId;

    @Override
    protected int run(StreamRegistry registry) {
        registry.unsubscribe(stream, subscriptionId);
        out().println("ended subscription " + subscriptionId + " on " + stream);
        return 0;
    }
}
