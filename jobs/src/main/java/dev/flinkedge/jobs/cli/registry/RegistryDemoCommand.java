package dev.flinkedge.jobs.cli.registry;

import dev.flinkedge.jobs.cli.RunUntilStopped;
import dev.flinkedge.kafka.EmbeddedKafka;
import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.rest.RegistryApplication;
import dev.flinkedge.registry.rest.Tokens;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code flink-edge registry demo}: the registry walk-through. Starts an embedded Kafka and a
 * registry with fresh tokens for city-a and city-b, runs {@link RegistryWalkthrough} through the
 * CLI's own commands, stops everything and prints a summary.
 */
@Command(
        name = "demo",
        description = {
            "Walk through the shared stream registry: two cities, one vehicle detector.",
            "Starts an embedded Kafka (under <work-dir>/demo/kafka) and a registry, runs 'flink-edge"
                    + " streams' commands as city-a and city-b, then stops them."
        })
public final class RegistryDemoCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            defaultValue = "work",
            description = "Holds the embedded Kafka's data (default ${DEFAULT-VALUE}).")
    Path workDir;

    @Option(
            names = "--keep-running",
            description = "Keep Kafka and the registry up after the story, until Ctrl-C.")
    boolean keepRunning;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> tokens = Tokens.generate(Tokens.DEMO_OWNERS);
        Path kafkaDir = workDir.resolve("demo").resolve("kafka");
        EmbeddedKafka kafka = EmbeddedKafka.builder().baseDir(kafkaDir).start();
        RegistryApplication registry;
        try {
            registry =
                    LocalRegistry.start(
                            kafka.bootstrapServers(),
                            StreamRegistry.DEFAULT_TOPIC,
                            tokens,
                            "demo tokens");
        } catch (Exception e) {
            kafka.close();
            throw e;
        }
        String url = registry.uri().toString();
        RegistryWalkthrough.Outcome outcome;
        try {
            out.println(
                    "flink-edge demo: two cities share one vehicle detector through the"
                            + " stream registry");
            out.println(
                    "  Kafka     "
                            + kafka.bootstrapServers()
                            + " (embedded, data under "
                            + kafkaDir
                            + ")");
            out.println("  registry  " + url + " (topic " + StreamRegistry.DEFAULT_TOPIC + ")");
            out.println(
                    "  owners    "
                            + String.join(", ", tokens.keySet())
                            + "; each command"
                            + " runs with --registry and its owner's --token");
            outcome =
                    new RegistryWalkthrough(
                                    new InProcessCli(url, tokens, out), registry.service(), out)
                            .run();
        } catch (RuntimeException e) {
            registry.close();
            kafka.close();
            throw e;
        }
        if (keepRunning) {
            printSummary(out, outcome);
            out.println();
            out.println("The registry stays up at " + url + " until Ctrl-C. Try:");
            out.println("  export " + ClientOptions.REGISTRY_ENV + "=" + url);
            tokens.forEach(
                    (owner, token) ->
                            out.println(
                                    "  export "
                                            + ClientOptions.TOKEN_ENV
                                            + "="
                                            + token
                                            + "   # "
                                            + owner));
            out.println("  bin/flink-edge streams ls");
            out.flush();
            RunUntilStopped.await(
                    List.of(
                            new RunUntilStopped.Service("registry at " + url, registry),
                            new RunUntilStopped.Service("embedded Kafka", kafka)));
        } else {
            registry.close();
            kafka.close();
            out.println();
            out.println("Stopped the registry and Kafka.");
            printSummary(out, outcome);
        }
        out.flush();
        if (!outcome.ok()) {
            spec.commandLine().getErr().println("error: the demo failed at " + outcome.failure());
            spec.commandLine().getErr().flush();
        }
        return outcome.ok() ? 0 : 1;
    }

    private static void printSummary(PrintWriter out, RegistryWalkthrough.Outcome outcome) {
        out.println();
        out.println("Summary");
        out.println(
                "  fingerprint    "
                        + (outcome.fingerprint() == null ? "-" : outcome.fingerprint()));
        if (outcome.ok()) {
            out.println(
                    "  reused stream  "
                            + RegistryWalkthrough.VEHICLES
                            + ": city-b resolved"
                            + " detect v1 (model=yolov8n) over "
                            + RegistryWalkthrough.VIDEO
                            + " to it, so no second detector runs");
        }
        out.println("  steps          " + outcome.stepsOk() + "/" + outcome.steps() + " OK");
        if (!outcome.ok()) {
            out.println("  failed         " + outcome.failure());
        }
    }
}
