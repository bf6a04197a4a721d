package dev.flinkedge.scheduler.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Starts a child JVM of the cluster in its own directory: stdin from {@code /dev/null}, stdout and
 * stderr appended to {@code <name>.out} there, so that nothing reaches the CLI's console.
 */
final class ChildLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(ChildLauncher.class);
    private static final File NO_INPUT = new File("/dev/null");

    private ChildLauncher() {}

    /**
     * Starts {@code command} in {@code dir}.
     *
     * @param name the process's name in the cluster
     * @param role what it does
     * @param dir its working directory (it exists)
     * @param logFile the log file its logger writes to, recorded for error messages
     * @param command what to run
     * @return the started process
     * @throws ClusterStartException when the JVM cannot be started
     */
    static Launched start(
            String name, ProcessRole role, Path dir, Path logFile, JavaCommand command) {
        Path out = outFile(dir, name);
        ProcessBuilder builder =
                new ProcessBuilder(command.toList())
                        .directory(dir.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT))
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                        .redirectErrorStream(true);
        try {
            Process process = builder.start();
            LOG.debug(
                    "Started {} {} (pid {}), log {}",
                    role.displayName(),
                    name,
                    process.pid(),
                    logFile);
            return new Launched(ChildProcess.of(name, role, process, logFile), process);
        } catch (IOException e) {
            throw new ClusterStartException(
                    "cannot start " + role.displayName() + " " + name + ": " + e.getMessage(), e);
        }
    }

    /** Where a child's stdout and stderr go. */
    static Path outFile(Path dir, String name) {
        return dir.resolve(name + ".out");
    }

    /**
     * A child started by this JVM: its record and the {@link Process}, whose exit this JVM sees at
     * once.
     */
    record Launched(ChildProcess child, Process process) {}
}
