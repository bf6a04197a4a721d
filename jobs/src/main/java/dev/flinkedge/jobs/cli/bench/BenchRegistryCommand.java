package dev.flinkedge.jobs.cli.bench;

import dev.flinkedge.jobs.bench.registry.BenchResult;
import dev.flinkedge.jobs.bench.registry.RegistryBenchmark;
import dev.flinkedge.jobs.cli.TextTable;
import dev.flinkedge.jobs.cli.registry.LocalRegistry;
import dev.flinkedge.kafka.EmbeddedKafka;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.json.RegistryJson;
import dev.flinkedge.registry.rest.RegistryApplication;
import dev.flinkedge.registry.rest.Tokens;
import dev.flinkedge.registry.storage.RegistryConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bench registry}: create throughput and resolve latency of the registry, in-process ({@code
 * RegistryService.as(owner)}) and over HTTP ({@link RegistryClient}), each on its own registry
 * topic of one embedded Kafka.
 */
@Command(
        name = "registry",
        description = {
            "Measure the registry: create throughput and resolve-by-fingerprint latency, in-process and"
                    + " over HTTP.",
            "Starts its own embedded Kafka under <work-dir>/bench/kafka. Prints numbers; asserts"
                    + " nothing."
        })
final class BenchRegistryCommand implements Callable<Integer> {

    private static final String OWNER = "bench";

    @Spec CommandSpec spec;

    @Option(
            names = "--streams",
            paramLabel = "N",
            defaultValue = "100000",
            description = "Derived streams to create per mode (default ${DEFAULT-VALUE}).")
    int streams;

    @Option(
            names = "--threads",
            paramLabel = "T",
            defaultValue = "8",
            description = "Client threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(
            names = "--lookups",
            paramLabel = "L",
            defaultValue = "20000",
            description = "Measured resolve calls per mode (default ${DEFAULT-VALUE}).")
    int lookups;

    @Option(
            names = "--active",
            paramLabel = "A",
            defaultValue = "1000",
            description =
                    "Streams made ACTIVE as resolve targets, at most N (default"
                            + " ${DEFAULT-VALUE}).")
    int active;

    @Option(
            names = "--report",
            paramLabel = "FILE.json",
            description =
                    "Also write the results as JSON: {mode: {creates_per_s, resolve_p50_ms,"
                            + " resolve_p99_ms, streams, threads, lookups}}.")
    Path report;

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            defaultValue = "work",
            description = "Holds the embedded Kafka's data (default ${DEFAULT-VALUE}).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        requirePositive("--streams", streams);
        requirePositive("--threads", threads);
        requirePositive("--lookups", lookups);
        requirePositive("--active", active);
        PrintWriter out = spec.commandLine().getOut();
        RegistryBenchmark.Plan plan = new RegistryBenchmark.Plan(streams, threads, lookups, active);
        out.printf(
                "Registry benchmark: %d derived streams, %d threads, %d look-ups per mode%n",
                streams, threads, lookups);
        out.flush();
        List<BenchResult> results = new ArrayList<>();
        try (EmbeddedKafka kafka =
                EmbeddedKafka.builder()
                        .baseDir(workDir.resolve("bench").resolve("kafka"))
                        .start()) {
            results.add(measure(kafka, "in-process", plan));
            results.add(measure(kafka, "http", plan));
        }
        print(out, results);
        if (report != null) {
            writeReport(results);
            out.println("Report written to " + report.toAbsolutePath());
        }
        out.flush();
        return 0;
    }

    private BenchResult measure(EmbeddedKafka kafka, String mode, RegistryBenchmark.Plan plan)
            throws Exception {
        Map<String, String> tokens = Tokens.generate(List.of(OWNER));
        String topic = "_flinkedge_bench_" + mode.replace('-', '_');
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%n%s: registry on topic %s%n", mode, topic);
        out.flush();
        try (RegistryApplication app =
                LocalRegistry.start(
                        kafka.bootstrapServers(),
                        topic,
                        tokens,
                        "bench tokens",
                        // No job renews the leases of the streams the benchmark activates; the
                        // longest lease keeps them resolvable for the whole run.
                        Map.of(RegistryConfig.PRODUCTION_LEASE_SECONDS, 3600))) {
            StreamRegistry view =
                    mode.equals("http")
                            ? RegistryClient.builder()
                                    .url(app.uri())
                                    .token(tokens.get(OWNER))
                                    .principal(OWNER)
                                    .build()
                            : app.service().as(OWNER);
            return new RegistryBenchmark(view, mode, plan, out).run();
        }
    }

    private static void print(PrintWriter out, List<BenchResult> results) {
        out.println();
        TextTable table =
                new TextTable(
                        "MODE",
                        "STREAMS",
                        "THREADS",
                        "CREATES/S",
                        "RESOLVE P50 MS",
                        "RESOLVE P99 MS");
        for (BenchResult r : results) {
            table.row(
                    r.mode(),
                    r.streams(),
                    r.threads(),
                    String.format(Locale.ROOT, "%.0f", r.createsPerSecond()),
                    String.format(Locale.ROOT, "%.3f", r.resolveP50Ms()),
                    String.format(Locale.ROOT, "%.3f", r.resolveP99Ms()));
        }
        table.print(out);
    }

    private void writeReport(List<BenchResult> results) throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        for (BenchResult r : results) {
            json.put(r.mode(), r.toJson());
        }
        Path parent = report.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        RegistryJson.LENIENT.writerWithDefaultPrettyPrinter().writeValue(report.toFile(), json);
    }

    private void requirePositive(String option, int value) {
        if (value < 1) {
            throw new ParameterException(
                    spec.commandLine(), option + " " + value + " must be at least 1");
        }
    }
}
