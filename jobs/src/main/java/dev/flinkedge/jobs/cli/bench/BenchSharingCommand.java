package dev.flinkedge.jobs.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.flinkedge.jobs.bench.BenchClusters;
import dev.flinkedge.jobs.bench.BenchEnvironment;
import dev.flinkedge.jobs.bench.EdgeClusterBenchEnvironment;
import dev.flinkedge.jobs.bench.LocalBenchEnvironment;
import dev.flinkedge.jobs.bench.ModelWorkload;
import dev.flinkedge.jobs.bench.SharingBenchmark;
import dev.flinkedge.jobs.bench.SharingMode;
import dev.flinkedge.jobs.bench.SharingReport;
import dev.flinkedge.jobs.bench.SharingWorkload;
import dev.flinkedge.jobs.bench.SyntheticWorkload;
import dev.flinkedge.jobs.cli.DurationConverter;
import dev.flinkedge.jobs.cli.FlinkEdgeBenchmark;
import dev.flinkedge.jobs.cli.ProjectFiles;
import dev.flinkedge.jobs.cli.TextTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code flink-edge bench sharing}: the EStream Table II comparison of the four ways to add job b
 * to a running job x+a, either in this JVM (broker, registry and MiniCluster) or on the local
 * multi-process edge cluster with the job jar.
 */
@Command(
        name = "sharing",
        description =
                "Compare recompute, kafka, restart and reuse when job b joins running job x+a"
                        + " at t1 (EStream Table II). Prints numbers; asserts nothing.")
public final class BenchSharingCommand implements FlinkEdgeBenchmark, Callable<Integer> {

    private static final String SYNTHETIC = "synthetic:cost=";
    private static final String MODELS = "models";

    @Spec CommandSpec spec;

    @Option(
            names = "--mode",
            split = ",",
            description =
                    "Modes to run (recompute, kafka," + " restart, reuse); all four by default.")
    Set<SharingMode> modes = EnumSet.allOf(SharingMode.class);

    @Option(
            names = "--operator",
            defaultValue = "synthetic:cost=40ms",
            description =
                    "The operators: synthetic:cost=<duration> (a detector burning that much"
                            + " CPU per frame) or models[:PATH] (YOLOv8 detection, default the fetched"
                            + " yolov8n, PP-OCR v4 plates, colour attributes). Default: ${DEFAULT-VALUE}.")
    String operator;

    @Option(names = "--cameras", defaultValue = "4", description = "Cameras (default: 4).")
    int cameras;

    @Option(
            names = "--fps",
            defaultValue = "5",
            description = "Frames per second per camera" + " (default: 5).")
    double fps;

    @Option(
            names = "--duration",
            defaultValue = "90s",
            converter = DurationConverter.class,
            description = "Length of each mode's run (default: 90s).")
    Duration duration;

    @Option(
            names = "--t1",
            defaultValue = "30s",
            converter = DurationConverter.class,
            description = "When b joins (default: 30s).")
    Duration t1;

    @Option(
            names = "--warmup",
            defaultValue = "5s",
            converter = DurationConverter.class,
            description = "Results before this are left out of the t0 latency (default: 5s).")
    Duration warmup;

    @Option(
            names = "--cluster",
            defaultValue = "in-jvm",
            description =
                    "Where the jobs run:"
                            + " in-jvm (broker, registry and a MiniCluster in this JVM) or edge (the local"
                            + " multi-process edge cluster of --topology, jobs shipped in the job jar; its ports"
                            + " are the defaults plus 10000). Default: ${DEFAULT-VALUE}.")
    String clusterKind;

    @Option(
            names = "--topology",
            paramLabel = "FILE",
            description =
                    "Topology of the edge" + " cluster (default: conf/topology-default.yaml).")
    Path topology;

    @Option(
            names = "--slots",
            defaultValue = "8",
            description = "Task slots of the in-process" + " Flink cluster (default: 8).")
    int slots;

    @Option(
            names = "--work-dir",
            defaultValue = "work",
            description = "Where the broker and" + " savepoints live (default: work).")
    Path workDir;

    @Option(names = "--report", description = "Write the measurements as JSON to this file.")
    Path report;

    @Override
    public Integer call() throws Exception {
        SharingWorkload<?> workload = workload();
        SharingBenchmark.Config config;
        try {
            config = new SharingBenchmark.Config(cameras, fps, duration, t1, warmup);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        Path base = workDir.resolve("bench").resolve("sharing");
        Path savepoints = Files.createDirectories(base.resolve("savepoints")).toAbsolutePath();
        List<SharingReport> results = new ArrayList<>();
        try (BenchEnvironment env = environment(base, out)) {
            SharingBenchmark bench =
                    new SharingBenchmark(
                            config, env.services(), env.cluster(), workload, savepoints, out);
            for (SharingMode mode : SharingMode.values()) {
                if (modes.contains(mode)) {
                    results.add(bench.run(mode));
                }
            }
        }
        print(out, results);
        if (report != null) {
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(report.toFile(), results.size() == 1 ? results.get(0) : results);
            out.println("report written to " + report);
        }
        return 0;
    }

    private SharingWorkload<?> workload() {
        if (operator.startsWith(SYNTHETIC)) {
            return new SyntheticWorkload(
                    DurationConverter.parse(operator.substring(SYNTHETIC.length())));
        }
        if (operator.equals(MODELS) || operator.startsWith(MODELS + ":")) {
            Path model =
                    operator.equals(MODELS)
                            ? ProjectFiles.current().detectionModel()
                            : Path.of(operator.substring(MODELS.length() + 1));
            if (!Files.isRegularFile(model)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--operator "
                                + operator
                                + ": detection model "
                                + model
                                + " does not exist; run"
                                + " bin/fetch-assets or name a YOLOv8 ONNX file with models:PATH");
            }
            return new ModelWorkload(model, cameras);
        }
        throw new ParameterException(
                spec.commandLine(),
                "--operator '"
                        + operator
                        + "' is not supported; use "
                        + SYNTHETIC
                        + "<duration> (e.g. "
                        + SYNTHETIC
                        + "40ms) or "
                        + MODELS
                        + "[:PATH]");
    }

    private BenchEnvironment environment(Path base, PrintWriter out) throws Exception {
        switch (clusterKind) {
            case "in-jvm":
                return LocalBenchEnvironment.start(base, slots);
            case "edge":
                ProjectFiles files = ProjectFiles.current();
                Path topologyFile = topology != null ? topology : files.defaultTopology();
                return EdgeClusterBenchEnvironment.start(
                        BenchClusters.settings(topologyFile, base.resolve("cluster")),
                        files.jobJar(),
                        line -> {
                            out.println("  " + line);
                            out.flush();
                        });
            default:
                throw new ParameterException(
                        spec.commandLine(),
                        "--cluster '" + clusterKind + "' is not one of in-jvm, edge");
        }
    }

    private static void print(PrintWriter out, List<SharingReport> results) {
        TextTable t =
                new TextTable(
                        "mode",
                        "frames",
                        "detect/frame",
                        "x+a p50/p95 t0 ms",
                        "x+a p50/p95 t1 ms",
                        "b first s",
                        "x+a gap s",
                        "restarts",
                        "CPU s",
                        "CPU s/1000 frames");
        for (SharingReport r : results) {
            SharingReport.Latency l = r.xaLatencyMs();
            t.row(
                    r.mode(),
                    r.framesIn(),
                    r.invocationsPerFrame(),
                    (long) l.t0P50() + "/" + (long) l.t0P95(),
                    (long) l.t1P50() + "/" + (long) l.t1P95(),
                    r.xbFirstResultS(),
                    r.xaOutputGapS(),
                    r.xaRestarts(),
                    r.cpuSeconds(),
                    r.cpuSecondsPer1000Frames());
        }
        out.println();
        t.print(out);
        out.flush();
    }
}
