package dev.flinkedge.jobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.flinkedge.jobs.demo.DemoReport;
import dev.flinkedge.jobs.demo.EdgeDemo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code flink-edge demo}: the smart-traffic story on the local edge cluster with real models; see
 * {@link EdgeDemo}.
 */
@Command(
        name = "demo",
        description = {
            "Run the smart-traffic demo on a local edge cluster with real models: city A's job x+a",
            "detects vehicles and reads plates; after --b-after city B's job x+b asks for vehicle",
            "attributes, finds A's detections in the registry and subscribes instead of detecting again.",
            "Fetches models and media if missing. Ctrl-C stops everything."
        })
public final class DemoCommand implements FlinkEdgeCommand, Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--duration",
            defaultValue = "90s",
            converter = DurationConverter.class,
            description = "How long the jobs run, from x+a's submission (default: 90s).")
    Duration duration;

    @Option(
            names = "--b-after",
            defaultValue = "30s",
            converter = DurationConverter.class,
            description = "When x+b is submitted, after x+a (default: 30s).")
    Duration bAfter;

    @Option(
            names = "--cameras",
            defaultValue = "2",
            description = "Synthetic traffic cameras" + " (default: 2).")
    int cameras;

    @Option(
            names = "--fps",
            defaultValue = "1",
            description =
                    "Frames per second of every"
                            + " camera (default: 1; a 2-core machine detects and reads plates at a few frames"
                            + " per second in all).")
    double fps;

    // Named by the form that changes the default: picocli sets a negatable option's regular form
    // to the opposite of its default and its negated form to the default.
    @Option(
            names = "--no-video",
            negatable = true,
            description =
                    "Leave out OpenCV's street" + " video vtest.avi, by default one more camera.")
    boolean video = true;

    @Option(
            names = "--no-placement",
            negatable = true,
            description =
                    "Let Flink put the jobs'"
                            + " operators on any TaskManager; by default each camera's operators run at the edge"
                            + " site nearest it (the jobs' --placement.topology).")
    boolean placement = true;

    @Option(
            names = "--topology",
            paramLabel = "FILE",
            description = "Edge topology (default:" + " conf/topology-default.yaml).")
    Path topology;

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            defaultValue = "work",
            description = "The demo's cluster lives in DIR/demo (default: ${DEFAULT-VALUE}).")
    Path workDir;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the report as JSON.")
    Path report;

    @Override
    public Integer call() throws Exception {
        ProjectFiles files = ProjectFiles.current();
        EdgeDemo.Settings settings;
        try {
            settings =
                    new EdgeDemo.Settings(
                            duration,
                            bAfter,
                            cameras,
                            fps,
                            video,
                            placement,
                            topology != null ? topology : files.defaultTopology(),
                            workDir.resolve("demo").toAbsolutePath());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        DemoReport result = new EdgeDemo(settings, files, out).run();
        print(out, result);
        if (report != null) {
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(report.toFile(), result);
            out.println("Report written to " + report);
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, DemoReport r) {
        out.println();
        TextTable jobs = new TextTable("JOB", "JOB ID", "RESTARTS", "RESULTS");
        r.jobs().forEach(j -> jobs.row(j.name(), j.jobId(), j.restarts(), j.recordsOut()));
        jobs.print(out);
        out.println();
        TextTable cams = new TextTable("CAMERA", "RESULT FPS", "P50 MS", "P95 MS");
        r.cameras()
                .forEach(
                        c ->
                                cams.row(
                                        c.id(),
                                        c.fps(),
                                        (long) c.latencyP50Ms(),
                                        (long) c.latencyP95Ms()));
        cams.print(out);
        out.println();
        TextTable where = new TextTable("TASKMANAGERS", "OPERATORS");
        for (Map.Entry<String, String> e : r.placement().entrySet()) {
            where.row(e.getValue(), e.getKey());
        }
        where.print(out);
        out.println();
        out.println(
                "Streams reused: "
                        + (r.streamsReused().isEmpty()
                                ? "none"
                                : String.join(", ", r.streamsReused())));
        out.println(
                "Detections per camera frame over both jobs: "
                        + r.detectInvocationsPerFrame()
                        + " (1.0 = no detector ran twice)");
        out.println("Results: " + r.resultsByTopic());
    }
}
