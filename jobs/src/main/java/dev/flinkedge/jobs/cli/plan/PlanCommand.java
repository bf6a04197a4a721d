package dev.flinkedge.jobs.cli.plan;

import dev.flinkedge.connectors.api.EdgeJob;
import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.api.SharedChannel;
import dev.flinkedge.connectors.source.generated.GeneratedCameras;
import dev.flinkedge.jobs.TrafficJobOptions;
import dev.flinkedge.jobs.cli.CliException;
import dev.flinkedge.jobs.cli.FlinkEdgeCommand;
import dev.flinkedge.jobs.cli.TextTable;
import dev.flinkedge.jobs.cli.registry.ClientOptions;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.errors.RegistryException;
import dev.flinkedge.scheduler.pinning.TopologyPlacement;
import dev.flinkedge.scheduler.placement.PlacementPlan;
import dev.flinkedge.scheduler.plan.DryRunRegistry;
import dev.flinkedge.scheduler.plan.EdgeJobs;
import dev.flinkedge.scheduler.topology.InvalidTopologyException;
import dev.flinkedge.scheduler.topology.Topology;
import dev.flinkedge.scheduler.topology.TopologyLoader;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code flink-edge plan}: where a packaged job's operators would run on a topology, and why.
 *
 * <p>The job ({@link EdgeJob}, found by name) defines its streams on an {@link EdgeStreams} whose
 * registry reads the real registry but writes nothing ({@link DryRunRegistry}): whether each
 * derived stream is reused or computed is decided as a submission would decide it now, so the plan
 * shows the reused streams as sources at their producers' sites. The job's Flink operators are
 * built in a throwaway environment and never run; cameras are stand-ins.
 */
@Command(
        name = "plan",
        description =
                "Print where a job's operators would run on a topology"
                        + " ({operator: site}) and why, without running or registering anything.")
public final class PlanCommand implements FlinkEdgeCommand, Callable<Integer> {

    /** Kafka is never contacted: the plan's operators are built, not run. */
    private static final String UNUSED_KAFKA = "localhost:9092";

    @Spec CommandSpec spec;

    @Mixin ClientOptions registryOptions;

    @Option(
            names = "--topology",
            paramLabel = "FILE",
            required = true,
            description = "The sites and links; cameras are its sites of tier device.")
    Path topologyFile;

    @Option(
            names = "--job",
            paramLabel = "NAME",
            required = true,
            description = "The job, by the name it is registered under (EdgeJob).")
    String jobName;

    @Option(
            names = "--owner",
            paramLabel = "OWNER",
            required = true,
            description = "The owner the job acts as: the principal of the registry token.")
    String owner;

    @Option(
            names = "-D",
            paramLabel = "KEY=VALUE",
            description = "A job option, as the job gets it when submitted (repeatable).")
    Map<String, String> jobOptions = new LinkedHashMap<>();

    @Option(
            names = "--json",
            description =
                    "Print {\"placement\": {operator: site},"
                            + " \"reasons\": {operator: reason}}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Topology topology;
        try {
            topology = TopologyLoader.load(topologyFile);
        } catch (InvalidTopologyException e) {
            throw new CliException(e.getMessage(), e);
        }
        EdgeJob job = findJob();
        RegistryClient client = registryOptions.client();
        Configuration config = Configuration.fromMap(jobOptions);
        // The job is planned as --owner: what it names after its owner (result topics) too.
        config.set(TrafficJobOptions.OWNER, owner);
        EdgeStreams streams =
                EdgeStreams.on(
                                StreamExecutionEnvironment.getExecutionEnvironment(config),
                                new DryRunRegistry(client, owner),
                                owner)
                        .withChannel(
                                SharedChannel.of(
                                        UNUSED_KAFKA, client.uri().toString(), "plan-" + owner))
                        .withRawSources(new GeneratedCameras(1));
        try {
            job.define(streams, config);
        } catch (RegistryException e) {
            throw e;
        } catch (Exception e) {
            throw new CliException(
                    "job '"
                            + jobName
                            + "' could not be defined: "
                            + e.getMessage()
                            + "; check its options (-D KEY=VALUE) and --owner",
                    e);
        }
        PlacementPlan plan;
        try {
            plan = TopologyPlacement.of(topology).plan(streams);
        } catch (IllegalArgumentException e) {
            throw new CliException(
                    "cannot place job '" + jobName + "' on " + topologyFile + ": " + e.getMessage(),
                    e);
        }
        print(plan);
        return 0;
    }

    private EdgeJob findJob() {
        EdgeJobs jobs = EdgeJobs.load(Thread.currentThread().getContextClassLoader());
        return jobs.find(jobName)
                .orElseThrow(
                        () ->
                                new CliException(
                                        jobs.all().isEmpty()
                                                ? "no job '"
                                                        + jobName
                                                        + "': no jobs are on the classpath; put the jobs jar"
                                                        + " there (jobs list themselves in META-INF/services/"
                                                        + EdgeJob.class.getName()
                                                        + ")"
                                                : "no job '"
                                                        + jobName
                                                        + "'; known jobs: "
                                                        + jobs.all().stream()
                                                                .map(EdgeJob::name)
                                                                .collect(
                                                                        Collectors.joining(", "))));
    }

    private void print(PlacementPlan plan) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(plan.toJson());
        } else {
            out.println("Job '" + jobName + "' as " + owner + " on " + topologyFile + ":");
            TextTable table = new TextTable("OPERATOR", "SITE", "REASON");
            plan.entries().forEach(e -> table.row(e.operator(), e.site(), e.reason()));
            table.print(out);
        }
        out.flush();
    }
}
