package dev.flinkedge.scheduler.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A process of the local edge cluster as recorded in the state file: enough to find it again from
 * another JVM (pid and start time, so that a reused pid is never mistaken for it) and to point the
 * user at its log.
 *
 * @param name unique within the cluster, e.g. {@code jobmanager} or {@code edge-1-tm-0}
 * @param role what it does
 * @param pid operating-system process id
 * @param startMillis when it started, epoch milliseconds; 0 when the OS did not say
 * @param logFile the file its logger writes to
 */
public record ChildProcess(
        String name, ProcessRole role, long pid, long startMillis, Path logFile) {

    /** Allowed difference between recorded and observed start times (clock tick rounding). */
    private static final Duration START_TOLERANCE = Duration.ofSeconds(1);

    /** Checks the fields. */
    public ChildProcess {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(logFile, "logFile");
        if (pid <= 0) {
            throw new IllegalArgumentException(
                    "process " + name + ": pid " + pid + " is not a process id");
        }
    }

    /** Records a process this JVM just started. */
    static ChildProcess of(String name, ProcessRole role, Process process, Path logFile) {
        long start = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return new ChildProcess(name, role, process.pid(), start, logFile);
    }

    /** How messages name it, e.g. {@code TaskManager edge-1-tm-0}. */
    public String displayName() {
        return role.displayName() + " " + name;
    }

    /** The live process with this pid and start time; empty once it has exited. */
    public Optional<ProcessHandle> handle() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(this::startedWhenRecorded);
    }

    private boolean startedWhenRecorded(ProcessHandle handle) {
        if (startMillis == 0) {
            return true;
        }
        return handle.info()
                .startInstant()
                .map(
                        observed ->
                                Math.abs(observed.toEpochMilli() - startMillis)
                                        <= START_TOLERANCE.toMillis())
                .orElse(true);
    }
}
