package dev.flinkedge.jobs.cli.registry;

import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.Subscription;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code streams subscribe OWNER/NAME --job ID}: takes a lease on a readable stream for a job. */
@Command(
        name = "subscribe",
        description =
                "Take a lease on a stream for a job; while a lease is"
                        + " live the stream is written to Kafka.")
final class SubscribeCommand extends ClientCommand {

    @Parameters(
            index = "0",
            paramLabel = "OWNER/NAME",
            converter = StreamRefConverter.class,
            description = "A stream you may read.")
    StreamRef stream;

    @Option(
            names = "--job",
            paramLabel = "ID",
            required = true,
            description = "The subscribing job.")
    String jobId;

    @Option(
            names = "--lease",
            paramLabel = "SECONDS",
            description = "Lease length in seconds (default: the registry's, 30).")
    int leaseSeconds;

    @Override
    protected int run(StreamRegistry registry) {
        if (leaseSeconds < 0) {
            throw usageError("--lease " + leaseSeconds + " is negative; give seconds > 0");
        }
        Subscription s = registry.subscribe(stream, jobId, leaseSeconds);
        out().println(
                        "subscription "
                                + s.id()
                                + ": job "
                                + s.jobId()
                                + " on "
                                + stream
                                + ", lease "
                                + s.leaseSeconds()
                                + "s");
        return 0;
    }
}
