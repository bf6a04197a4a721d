package dev.flinkedge.jobs.cli.bench;

import dev.flinkedge.jobs.bench.BenchClusters;
import dev.flinkedge.jobs.bench.faults.FaultBenchmark;
import dev.flinkedge.jobs.bench.faults.FaultCluster;
import dev.flinkedge.jobs.bench.faults.FaultReport;
import dev.flinkedge.jobs.bench.faults.FaultScenario;
import dev.flinkedge.jobs.cli.DurationConverter;
import dev.flinkedge.jobs.cli.FlinkEdgeBenchmark;
import dev.flinkedge.jobs.cli.ProjectFiles;
import dev.flinkedge.jobs.cli.TextTable;
import dev.flinkedge.registry.model.Guarantee;
import dev.flinkedge.scheduler.cluster.ClusterPorts;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code flink-edge bench faults}: the fault suite of issue 12 on the local multi-process edge
 * cluster (its own broker, registry and Flink processes, jobs shipped in the job jar): injects one
 * fault per scenario while producers and subscribers of shared streams run, and reports per
 * delivery guarantee how the subscriber fared.
 */
@Command(
        name = "faults",
        description =
                "Inject faults (scenarios of issue 12) while jobs share streams on the local"
                        + " multi-process edge cluster; report orphan detection, re-hosting, the"
                        + " subscriber's gap, records lost and duplicated per delivery guarantee and"
                        + " the most concurrent producers. Prints numbers; asserts nothing.")
public final class BenchFaultsCommand implements FlinkEdgeBenchmark, Callable<Integer> {

    private static final String SCENARIO_PLACEHOLDER = "{scenario}";

    @Spec CommandSpec spec;

    @Option(
            names = "--scenario",
            required = true,
            split = ",",
            paramLabel = "S",
            completionCandidates = BenchFaultsCommand.ScenarioNames.class,
            description =
                    "Scenarios to run one after another on one cluster, in this order:"
                            + " ${COMPLETION-CANDIDATES}.")
    List<String> scenarios;

    @Option(
            names = "--report",
            required = true,
            paramLabel = "FILE.json",
            description =
                    "Where the JSON report goes; with several scenarios the name must contain "
                            + SCENARIO_PLACEHOLDER
                            + ".")
    String report;

    @Option(
            names = "--guarantee",
            split = ",",
            description =
                    "Delivery guarantees to measure, one shared stream each (default: LIVE,"
                            + " AT_LEAST_ONCE, EXACTLY_ONCE).")
    List<Guarantee> guarantees = List.of(Guarantee.values());

    @Option(
            names = "--lease-seconds",
            defaultValue = "15",
            description =
                    "Production lease the registry grants (default: ${DEFAULT-VALUE}, the"
                            + " registry's own default).")
    int leaseSeconds;

    @Option(names = "--cameras", defaultValue = "2", description = "Cameras (default: 2).")
    int cameras;

    @Option(
            names = "--fps",
            defaultValue = "10",
            description = "Frames per second per camera (default: 10).")
    double fps;

    @Option(
            names = "--warmup",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description = "Records before the fault (default: 10s).")
    Duration warmup;

    @Option(
            names = "--observe",
            defaultValue = "45s",
            converter = DurationConverter.class,
            description = "How long to watch after the fault is over (default: 45s).")
    Duration observe;

    @Option(
            names = "--port-offset",
            defaultValue = "" + BenchClusters.PORT_OFFSET,
            description =
                    "Added to every default port of cluster start, so that the suite's cluster runs"
                            + " beside others (default: ${DEFAULT-VALUE}).")
    int portOffset;

    @Option(
            names = "--work-dir",
            defaultValue = "work",
            description = "Where the cluster's files go (default: work).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        List<FaultScenario> chosen = scenarios();
        if (chosen.size() > 1 && !report.contains(SCENARIO_PLACEHOLDER)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--report "
                            + report
                            + " names one file but "
                            + chosen.size()
                            + " scenarios run; put "
                            + SCENARIO_PLACEHOLDER
                            + " in the name, e.g. bench-faults-"
                            + SCENARIO_PLACEHOLDER
                            + ".json");
        }
        if (leaseSeconds < 1 || cameras < 1 || cameras > FaultCluster.MAX_CAMERAS || !(fps > 0)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--lease-seconds must be at least 1, --cameras from 1 to "
                            + FaultCluster.MAX_CAMERAS
                            + " and --fps above 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        ProjectFiles files = ProjectFiles.current();
        FaultBenchmark.Config config =
                new FaultBenchmark.Config(
                        guarantees,
                        cameras,
                        fps,
                        warmup,
                        observe,
                        commandLine(),
                        options(),
                        gitCommit(files.home()));
        List<FaultReport> reports = new ArrayList<>();
        Path jobJar = files.jobJar();
        try (FaultCluster cluster =
                FaultCluster.start(
                        FaultCluster.settings(
                                workDir.resolve("bench").resolve("faults").toAbsolutePath(),
                                leaseSeconds,
                                jobJar,
                                ports()),
                        jobJar,
                        line -> {
                            out.println("  " + line);
                            out.flush();
                        })) {
            FaultBenchmark bench = new FaultBenchmark(cluster, config, out);
            for (FaultScenario scenario : chosen) {
                FaultReport r = bench.run(scenario);
                Path file = Path.of(report.replace(SCENARIO_PLACEHOLDER, scenario.id()));
                r.write(file);
                out.println("report written to " + file);
                reports.add(r);
            }
        }
        print(out, reports);
        return 0;
    }

    private ClusterPorts ports() {
        ClusterPorts d = ClusterPorts.DEFAULTS;
        try {
            return new ClusterPorts(
                    d.kafka() + portOffset,
                    d.kafkaController() + portOffset,
                    d.registry() + portOffset,
                    d.rest() + portOffset,
                    d.jobManagerRpc() + portOffset);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--port-offset: " + e.getMessage());
        }
    }

    private List<FaultScenario> scenarios() {
        try {
            // In the suite's order: the spare TaskManager one adds stays (see FaultScenario).
            return scenarios.stream().map(FaultScenario::byId).distinct().sorted().toList();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--scenario: " + e.getMessage());
        }
    }

    private String commandLine() {
        // The parse result holds the whole command line, "bench faults" included.
        return "flink-edge " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    private Map<String, String> options() {
        Map<String, String> options = new TreeMap<>();
        for (OptionSpec o : spec.options()) {
            if (o.longestName().startsWith("--") && !o.usageHelp() && !o.versionHelp()) {
                Object value = o.getValue();
                options.put(
                        o.longestName().substring(2),
                        value instanceof List<?> list
                                ? String.join(",", list.stream().map(String::valueOf).toList())
                                : String.valueOf(value));
            }
        }
        return options;
    }

    /** {@code git rev-parse HEAD} in the checkout, or {@code unknown} outside one. */
    static String gitCommit(Path home) {
        try {
            Process git =
                    new ProcessBuilder("git", "rev-parse", "HEAD")
                            .directory(home.toFile())
                            .redirectErrorStream(true)
                            .start();
            String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0) {
                return output.trim();
            }
            return "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static void print(PrintWriter out, List<FaultReport> reports) {
        TextTable t =
                new TextTable(
                        "scenario",
                        "guarantee",
                        "orphan s",
                        "rehosted s",
                        "gap s",
                        "emitted",
                        "lost",
                        "duplicated",
                        "max producers",
                        "max tap jobs",
                        "final status");
        for (FaultReport r : reports) {
            for (FaultReport.StreamOutcome s : r.streams()) {
                t.row(
                        r.scenario(),
                        s.guarantee(),
                        s.orphanDetectedS(),
                        s.rehostedS(),
                        s.subscriberGapS(),
                        s.recordsEmitted(),
                        s.recordsLost(),
                        s.recordsDuplicated(),
                        s.maxConcurrentProducers(),
                        s.maxRunningTapJobs(),
                        s.finalStatus());
            }
        }
        out.println();
        t.print(out);
        reports.stream()
                .flatMap(r -> r.notes().stream().map(n -> r.scenario() + ": " + n))
                .forEach(out::println);
        out.flush();
    }

    /** Scenario names for the completion candidates of {@code --scenario}. */
    static final class ScenarioNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        ScenarioNames() {
            super(Arrays.stream(FaultScenario.values()).map(FaultScenario::id).toList());
        }
    }
}
