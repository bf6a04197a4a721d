package dev.flinkedge.jobs.cli.registry;

import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code streams describe OWNER/NAME}: one stream with its grants and subscriptions. */
@Command(
        name = "describe",
        description =
                "Show one stream: metadata, lineage, producer, grants" + " and live subscriptions.")
final class DescribeStreamCommand extends ClientCommand {

    @Parameters(
            index = "0",
            paramLabel = "OWNER/NAME",
            converter = StreamRefConverter.class,
            description = "The stream, e.g. city-a/VideoStream.")
    StreamRef stream;

    @Option(names = "--json", description = "Print the descriptor as JSON.")
    boolean json;

    @Override
    protected int run(StreamRegistry registry) throws Exception {
        StreamDescriptor d = registry.describe(stream);
        if (json) {
            out().println(JsonText.pretty(d));
        } else {
            DescriptorText.print(out(), d, System.currentTimeMillis());
        }
        return 0;
    }
}
