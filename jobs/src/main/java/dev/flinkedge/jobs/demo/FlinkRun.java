package dev.flinkedge.jobs.demo;

import dev.flinkedge.jobs.cli.CliException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Submits a packaged job exactly as a user would: {@code bin/flink run -d -c MAIN JAR ARGS…}
 * against the local edge cluster in a work directory, secrets passed in the environment.
 */
final class FlinkRun {

    private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");

    private final Path flinkScript;
    private final Path workDir;

    /**
     * @param flinkScript {@code bin/flink} of the checkout
     * @param workDir the cluster's work directory ({@code FLINK_EDGE_WORK_DIR})
     */
    FlinkRun(Path flinkScript, Path workDir) {
        this.flinkScript = flinkScript;
        this.workDir = workDir;
    }

    /** The command line {@link #submit} runs, for the user to see and repeat. */
    List<String> command(String mainClass, Path jar, List<String> args) {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                flinkScript.toString(),
                                "run",
                                "-d",
                                "-c",
                                mainClass,
                                jar.toString()));
        command.addAll(args);
        return command;
    }

    /**
     * Runs {@code bin/flink run -d} and returns the job id it prints.
     *
     * @param env extra environment, e.g. the registry token
     * @throws CliException with the client's output when it fails or prints no job id
     */
    String submit(String mainClass, Path jar, List<String> args, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder pb =
                new ProcessBuilder(command(mainClass, jar, args)).redirectErrorStream(true);
        pb.environment().put("FLINK_EDGE_WORK_DIR", workDir.toAbsolutePath().toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String output;
        try {
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new CliException(
                        "bin/flink run " + mainClass + " did not finish within" + " 5 minutes");
            }
        } finally {
            p.getInputStream().close();
        }
        Matcher m = JOB_ID.matcher(output);
        if (p.exitValue() != 0 || !m.find()) {
            throw new CliException(
                    "bin/flink run "
                            + mainClass
                            + " failed (exit "
                            + p.exitValue()
                            + "):\n"
                            + tail(output, 40));
        }
        return m.group(1);
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join(
                "\n",
                java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }
}
