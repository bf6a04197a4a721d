package dev.flinkedge.jobs.cli.registry;

import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamType;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code streams ls}: the streams the caller may read, as a table or JSON. */
@Command(
        name = "ls",
        description = "List the streams you may read: yours and those granted to" + " you.")
final class ListStreamsCommand extends ClientCommand {

    @Option(names = "--owner", paramLabel = "OWNER", description = "Only this owner's streams.")
    String owner;

    @Option(
            names = "--type",
            paramLabel = "TYPE",
            description = "Only streams of this type: ${COMPLETION-CANDIDATES}.")
    StreamType type;

    @Option(names = "--json", description = "Print the descriptors as JSON.")
    boolean json;

    @Override
    protected int run(StreamRegistry registry) throws Exception {
        List<StreamDescriptor> streams = registry.list(owner, type);
        if (json) {
            out().println(JsonText.pretty(streams));
        } else if (streams.isEmpty()) {
            out().println(
                            "no streams readable by you"
                                    + (owner != null || type != null
                                            ? " match --owner/--type"
                                            : ""));
        } else {
            StreamTables.overview(streams).print(out());
        }
        return 0;
    }
}
