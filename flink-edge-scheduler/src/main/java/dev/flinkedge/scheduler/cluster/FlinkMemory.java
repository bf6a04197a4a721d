package dev.flinkedge.scheduler.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes a Flink process's memory options the way flink-dist's scripts do: {@code BashJavaUtils
 * GET_JM_RESOURCE_PARAMS} or {@code GET_TM_RESOURCE_PARAMS} over the process's config directory.
 * Its first result line holds JVM options (heap, direct memory, metaspace), the second the {@code
 * -D key=value} dynamic options the process gets after {@code --configDir}. Without them a
 * TaskManager refuses to start ("taskmanager.memory.task.heap.size is not set").
 */
final class FlinkMemory {

    static final String BASH_JAVA_UTILS = "org.apache.flink.runtime.util.bash.BashJavaUtils";
    private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern EXCEPTION_LINE =
            Pattern.compile("^(?:Caused by: |Exception in thread \"[^\"]*\" )(.*)$");

    private FlinkMemory() {}

    /** Which process the options are for. */
    enum Kind {
        JOBMANAGER("GET_JM_RESOURCE_PARAMS"),
        TASKMANAGER("GET_TM_RESOURCE_PARAMS");

        private final String command;

        Kind(String command) {
            this.command = command;
        }
    }

    /**
     * The memory options of one process.
     *
     * @param jvmOptions e.g. {@code -Xmx…}, {@code -XX:MaxDirectMemorySize=…}
     * @param dynamicOptions {@code -D key=value} pairs, as separate arguments
     */
    record Params(List<String> jvmOptions, List<String> dynamicOptions) {
        Params {
            jvmOptions = List.copyOf(jvmOptions);
            dynamicOptions = List.copyOf(dynamicOptions);
        }
    }

    /** A computation under way in a child JVM. */
    static final class Pending {
        private final String processName;
        private final Process process;

        private Pending(String processName, Process process) {
            this.processName = processName;
            this.process = process;
        }

        /**
         * Waits for the result.
         *
         * @throws ClusterStartException with BashJavaUtils' output when it failed
         */
        Params await() throws InterruptedException {
            String output;
            try {
                output =
                        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                process.destroyForcibly();
                throw new ClusterStartException(
                        "cannot read the memory options of "
                                + processName
                                + " from BashJavaUtils: "
                                + e.getMessage(),
                        e);
            }
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ClusterStartException(
                        "BashJavaUtils did not compute the memory options"
                                + " of "
                                + processName
                                + " within "
                                + TIMEOUT.toSeconds()
                                + " s");
            }
            List<String> results = new ArrayList<>();
            for (String line : output.split("\\R")) {
                if (line.startsWith(RESULT_PREFIX)) {
                    results.add(line.substring(RESULT_PREFIX.length()).trim());
                }
            }
            if (process.exitValue() != 0 || results.size() < 2) {
                throw new ClusterStartException(
                        "BashJavaUtils could not compute the memory"
                                + " options of "
                                + processName
                                + " (exit code "
                                + process.exitValue()
                                + "): "
                                + rootCause(output)
                                + "; check --jobmanager-memory and"
                                + " --taskmanager-memory");
            }
            return new Params(
                    words(results.get(results.size() - 2)), words(results.get(results.size() - 1)));
        }
    }

    /**
     * Starts BashJavaUtils for one process; call {@link Pending#await()} for the result.
     *
     * @param processName names the process in errors
     * @param kind JobManager or TaskManager
     * @param configDir the process's config directory, holding {@code config.yaml}
     * @param classpath a classpath with flink-runtime
     */
    static Pending start(String processName, Kind kind, Path configDir, String classpath) {
        JavaCommand command =
                new JavaCommand(
                        classpath,
                        JavaCommand.SHORT_LIVED_JVM_OPTIONS,
                        BASH_JAVA_UTILS,
                        List.of(
                                kind.command,
                                "--configDir",
                                configDir.toAbsolutePath().toString()));
        try {
            Process process =
                    new ProcessBuilder(command.toList())
                            .redirectErrorStream(true)
                            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                            .start();
            return new Pending(processName, process);
        } catch (IOException e) {
            throw new ClusterStartException(
                    "cannot run BashJavaUtils for " + processName + ": " + e.getMessage(), e);
        }
    }

    /** The innermost exception message in a JVM's output, else its last line. */
    static String rootCause(String output) {
        String cause = null;
        for (String line : output.split("\\R")) {
            Matcher m = EXCEPTION_LINE.matcher(line);
            if (m.find()) {
                cause = m.group(1);
            }
        }
        if (cause != null) {
            return cause;
        }
        return output.strip().lines().reduce((a, b) -> b).orElse("no output");
    }

    private static List<String> words(String line) {
        return line.isBlank() ? List.of() : Arrays.asList(line.trim().split("\\s+"));
    }
}
