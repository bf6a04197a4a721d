package dev.flinkedge.jobs.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.flinkedge.jobs.bench.LocalBenchEnvironment;
import dev.flinkedge.jobs.bench.scheduler.ConfigurationProfiler;
import dev.flinkedge.jobs.bench.scheduler.SchedulerBenchmark;
import dev.flinkedge.jobs.bench.scheduler.SchedulerReport;
import dev.flinkedge.jobs.bench.scheduler.SchedulerScenario;
import dev.flinkedge.jobs.cli.CliException;
import dev.flinkedge.jobs.cli.DurationConverter;
import dev.flinkedge.jobs.cli.FlinkEdgeBenchmark;
import dev.flinkedge.jobs.cli.ProjectFiles;
import dev.flinkedge.jobs.cli.TextTable;
import dev.flinkedge.scheduler.control.ControlOptions;
import dev.flinkedge.scheduler.control.Profile;
import dev.flinkedge.scheduler.control.ProfileLoader;
import dev.flinkedge.scheduler.control.SchedulingPolicies;
import dev.flinkedge.scheduler.control.VideoConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code flink-edge bench scheduler}: one scheduling policy against a load step and a bandwidth
 * drop, on synthetic cameras with ground truth and the real models, in this JVM (broker and
 * MiniCluster). Profiles the configurations first (or reads a profile), then runs the scenario and
 * reports latency per control period, SLO violations, recovery, accuracy and bytes shipped.
 */
@Command(
        name = "scheduler",
        description = {
            "Run one scheduling policy on synthetic cameras with the real detector and"
                    + " plate reader: a load step (--cameras-before → --cameras-after) and a bandwidth"
                    + " drop on the link to the cloud mid-run. Prints numbers; asserts nothing.",
            "Profiles every configuration with the real models first (the profile policy's"
                    + " input and the best static accuracy) unless --profile names a profile."
        })
public final class BenchSchedulerCommand implements FlinkEdgeBenchmark, Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--policy",
            required = true,
            description = "fixed, slo-feedback, profile or" + " lifetime.")
    String policy;

    @Option(
            names = "--slo",
            defaultValue = "1500ms",
            converter = DurationConverter.class,
            description = "Latency objective for every camera's p95 (default: ${DEFAULT-VALUE}).")
    Duration slo;

    @Option(
            names = "--period",
            defaultValue = "2s",
            converter = DurationConverter.class,
            description = "Control period and metrics window (default: ${DEFAULT-VALUE}).")
    Duration period;

    @Option(
            names = "--warm-up",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description =
                    "How long the pipeline runs after its first results before the"
                            + " measured run (default: ${DEFAULT-VALUE}).")
    Duration warmUp;

    @Option(
            names = "--duration",
            defaultValue = "90s",
            converter = DurationConverter.class,
            description =
                    "Length of the measured run, after the warm-up (default:"
                            + " ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(
            names = "--load-step-at",
            defaultValue = "30s",
            converter = DurationConverter.class,
            description =
                    "When the cameras go from --cameras-before to --cameras-after"
                            + " (default: ${DEFAULT-VALUE}).")
    Duration loadStepAt;

    @Option(
            names = "--bandwidth-drop-at",
            defaultValue = "60s",
            converter = DurationConverter.class,
            description =
                    "When the link to the cloud drops"
                            + " from --bandwidth-before to --bandwidth-after (default: ${DEFAULT-VALUE}).")
    Duration bandwidthDropAt;

    @Option(
            names = "--cameras-before",
            defaultValue = "2",
            description = "Cameras at the start" + " (default: ${DEFAULT-VALUE}).")
    int camerasBefore;

    @Option(
            names = "--cameras-after",
            defaultValue = "6",
            description = "Cameras after the load" + " step (default: ${DEFAULT-VALUE}).")
    int camerasAfter;

    @Option(
            names = "--bandwidth-before",
            defaultValue = "100",
            paramLabel = "MBIT_S",
            description = "Link bandwidth at the start, Mbit/s (default: ${DEFAULT-VALUE}).")
    double bandwidthBefore;

    @Option(
            names = "--bandwidth-after",
            defaultValue = "10",
            paramLabel = "MBIT_S",
            description = "Link bandwidth after the drop, Mbit/s (default: ${DEFAULT-VALUE}).")
    double bandwidthAfter;

    @Option(
            names = "--link-latency",
            defaultValue = "5",
            paramLabel = "MS",
            description = "One-way latency of the link, ms (default: ${DEFAULT-VALUE}).")
    double linkLatency;

    @Option(
            names = "--link-queue",
            defaultValue = "2048",
            paramLabel = "KB",
            description =
                    "Kilobytes that may wait for the link before it drops frames, like a"
                            + " router's buffer (default: ${DEFAULT-VALUE}).")
    long linkQueueKb;

    @Option(
            names = "--max-width",
            defaultValue = "1920",
            description =
                    "Width of the best"
                            + " configuration, also the cameras' native width (default: ${DEFAULT-VALUE}).")
    int maxWidth;

    @Option(
            names = "--max-height",
            defaultValue = "1080",
            description = "Height of the best" + " configuration (default: ${DEFAULT-VALUE}).")
    int maxHeight;

    @Option(
            names = "--max-fps",
            defaultValue = "1.5",
            description = "Frame rate of the best" + " configuration (default: ${DEFAULT-VALUE}).")
    double maxFps;

    @Option(
            names = "--native-fps",
            defaultValue = "10",
            description =
                    "The cameras' native frame"
                            + " rate, at which accuracy is measured (default: ${DEFAULT-VALUE}).")
    double nativeFps;

    @Option(
            names = "--min-fps",
            defaultValue = "0.2",
            description =
                    "Lowest frame rate" + " slo-feedback may choose (default: ${DEFAULT-VALUE}).")
    double minFps;

    @Option(
            names = "--jpeg-quality",
            defaultValue = "0.95",
            description = "The cameras' JPEG" + " quality (default: ${DEFAULT-VALUE}).")
    float jpegQuality;

    @Option(
            names = "--plates-per-frame",
            defaultValue = "1",
            description =
                    "Plates read per"
                            + " frame at most, largest vehicles first (default: ${DEFAULT-VALUE}).")
    int platesPerFrame;

    @Option(
            names = "--profile",
            paramLabel = "FILE",
            description =
                    "Use this profile instead of" + " profiling (the format of docs/scheduler.md).")
    Path profileFile;

    @Option(
            names = "--profile-seconds",
            defaultValue = "16",
            description =
                    "Seconds of scene the"
                            + " profiling pass analyses, split over the starting cameras' scenes (default:"
                            + " ${DEFAULT-VALUE}).")
    double profileSeconds;

    @Option(
            names = "--model",
            paramLabel = "FILE",
            description =
                    "The YOLOv8 ONNX detector"
                            + " (default: work/assets/models/yolov8n.onnx, fetched by bin/fetch-assets).")
    Path model;

    @Option(
            names = {"-D", "--set"},
            paramLabel = "KEY=VALUE",
            description =
                    "Any other"
                            + " scheduler option (docs/scheduler.md), e.g."
                            + " -D scheduler.slo-feedback.frame-cost-share=0.8.")
    Map<String, String> schedulerOptions = new LinkedHashMap<>();

    @Option(
            names = "--slots",
            defaultValue = "4",
            description =
                    "Task slots of the in-process" + " Flink cluster (default: ${DEFAULT-VALUE}).")
    int slots;

    @Option(
            names = "--work-dir",
            defaultValue = "work",
            description =
                    "Where the broker, the"
                            + " profile and the cameras' catalog live (default: ${DEFAULT-VALUE}).")
    Path workDir;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            description = "Write the measurements as" + " JSON to this file.")
    Path report;

    @Override
    public Integer call() throws Exception {
        if (!SchedulingPolicies.NAMES.contains(policy)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--policy '" + policy + "' is not one of " + SchedulingPolicies.NAMES);
        }
        Path detector = model != null ? model : ProjectFiles.current().detectionModel();
        if (!Files.isRegularFile(detector)) {
            throw new CliException(
                    "the detection model "
                            + detector
                            + " is missing; run"
                            + " bin/fetch-assets or pass --model FILE");
        }
        try {
            ControlOptions.checkKnown(schedulerOptions.keySet());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        for (String key : schedulerOptions.keySet()) {
            if (SchedulerBenchmark.OWN_OPTIONS.contains(key)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "-D "
                                + key
                                + " is set by the"
                                + " benchmark from its own flags (see --help); use those");
            }
        }
        SchedulerScenario scenario;
        try {
            scenario =
                    new SchedulerScenario(
                            policy,
                            slo,
                            period,
                            warmUp,
                            duration,
                            loadStepAt,
                            bandwidthDropAt,
                            camerasBefore,
                            camerasAfter,
                            bandwidthBefore,
                            bandwidthAfter,
                            linkLatency,
                            linkQueueKb * 1024,
                            new VideoConfig(maxWidth, maxHeight, maxFps),
                            nativeFps,
                            minFps,
                            jpegQuality,
                            platesPerFrame,
                            detector,
                            schedulerOptions);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        Path base = workDir.resolve("bench").resolve("scheduler");
        Files.createDirectories(base);
        Path profilePath = profileFile;
        Profile profile;
        if (profilePath == null) {
            out.printf(
                    Locale.ROOT,
                    "profiling %d configurations on %.0f s of scene with the real" + " models…%n",
                    ConfigurationProfiler.configurations(),
                    profileSeconds);
            out.flush();
            List<ConfigurationProfiler.Measured> measured =
                    SchedulerBenchmark.profile(
                            scenario,
                            profileSeconds,
                            line -> {
                                out.println("  " + line);
                                out.flush();
                            });
            printProfile(out, measured);
            profile =
                    ConfigurationProfiler.toProfile(
                            measured,
                            String.format(
                                    Locale.ROOT,
                                    "synthetic scene, %d camera scene(s), %.0f s at %.0f fps native %dx%d;"
                                            + " accuracy = detection F1 on every native frame; %s, %d plate(s)"
                                            + " per frame; CPU ms per frame on this machine",
                                    camerasBefore,
                                    profileSeconds,
                                    nativeFps,
                                    maxWidth,
                                    maxHeight,
                                    detector.getFileName(),
                                    platesPerFrame));
            profilePath = base.resolve("profile.json");
            Files.write(profilePath, ProfileLoader.toJson(profile));
            out.println("profile written to " + profilePath);
        } else {
            profile = ProfileLoader.load(profilePath);
        }
        SchedulerReport result;
        try (LocalBenchEnvironment env =
                LocalBenchEnvironment.start(base, slots, SchedulerBenchmark.flinkConfiguration())) {
            result =
                    new SchedulerBenchmark(
                                    scenario, env.services().kafkaA(), env.cluster(), base, out)
                            .run(profile, profilePath.toAbsolutePath());
        }
        printReport(out, result);
        if (report != null) {
            new ObjectMapper()
                    .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(report.toFile(), result);
            out.println("report written to " + report);
        }
        out.flush();
        return 0;
    }

    private static void printProfile(PrintWriter out, List<ConfigurationProfiler.Measured> all) {
        TextTable t =
                new TextTable(
                        "configuration",
                        "F1 (every frame)",
                        "F1 (analysed)",
                        "plates",
                        "CPU ms/frame",
                        "KB/frame");
        for (ConfigurationProfiler.Measured m : all) {
            t.row(
                    m.config(),
                    fmt(m.timelineF1()),
                    fmt(m.frameF1()),
                    fmt(m.plateAccuracy()),
                    Math.round(m.cpuMsPerFrame()),
                    Math.round(m.bytesPerFrame() / 1000.0));
        }
        out.println();
        t.print(out);
        out.println();
    }

    private static void printReport(PrintWriter out, SchedulerReport r) {
        TextTable t =
                new TextTable(
                        "policy",
                        "SLO ms",
                        "violations",
                        "recovery periods",
                        "F1 (every frame)",
                        "of best static",
                        "F1 (analysed)",
                        "plates",
                        "MB shipped",
                        "restarts");
        t.row(
                r.policy(),
                r.sloMs(),
                fmt(r.violationRate()),
                r.recoveryPeriods(),
                fmt(r.accuracyF1()),
                fmt(r.accuracyRatio()),
                fmt(r.frameF1()),
                fmt(r.plateAccuracy()),
                Math.round(r.bytesShipped() / 1e5) / 10.0,
                r.restarts());
        out.println();
        t.print(out);
        out.printf(
                Locale.ROOT,
                "best static: %s F1 %.3f; best fitting the worst phase: %s F1"
                        + " %.3f; %d frames analysed, %d dropped, %d not aligned%n",
                r.bestStaticConfig(),
                r.bestStaticF1(),
                r.bestFittingStaticConfig(),
                r.bestFittingStaticF1(),
                r.frames(),
                r.droppedFrames(),
                r.unalignedFrames());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
