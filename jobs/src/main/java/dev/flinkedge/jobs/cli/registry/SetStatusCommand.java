package dev.flinkedge.jobs.cli.registry;

import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.model.InvalidFieldException;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code streams status OWNER/NAME STATUS}: moves one of the caller's streams through its life. */
@Command(
        name = "status",
        description =
                "Change the status of one of your streams; ACTIVE names"
                        + " the producing job (--job, --site) and grants it a production lease,"
                        + " which the job must renew (EdgeStreams jobs do): a stream whose lease"
                        + " lapses turns ORPHANED.")
final class SetStatusCommand extends ClientCommand {

    @Parameters(
            index = "0",
            paramLabel = "OWNER/NAME",
            converter = StreamRefConverter.class,
            description = "Your stream.")
    StreamRef stream;

    @Parameters(index = "1", paramLabel = "STATUS", description = "${COMPLETION-CANDIDATES}.")
    StreamStatus status;

    @Option(names = "--job", paramLabel = "ID", description = "The producing Flink job.")
    String jobId;

    @Option(names = "--site", paramLabel = "S", description = "The site the producer runs at.")
    String site;

    @Override
    protected int run(StreamRegistry registry) {
        if (status == StreamStatus.ACTIVE && jobId == null) {
            throw usageError("ACTIVE needs its producer: add --job ID (and --site S)");
        }
        if (jobId == null && site != null) {
            throw usageError("--site names the producer's site; give --job ID with it");
        }
        Producer producer;
        try {
            producer = jobId == null ? null : new Producer(jobId, site);
        } catch (InvalidFieldException e) {
            throw usageError(e.getMessage());
        }
        StreamDescriptor d = registry.setStatus(stream, status, producer);
        out().println(
                        d.ref()
                                + " is "
                                + d.status()
                                + (d.producer() == null
                                        ? ""
                                        : ", produced by job "
                                                + StreamTables.producer(d.producer())));
        return 0;
    }
}
