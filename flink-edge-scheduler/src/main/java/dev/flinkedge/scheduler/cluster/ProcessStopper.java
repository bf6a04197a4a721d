package dev.flinkedge.scheduler.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops the cluster's processes role by role: TaskManagers, then the JobManager, the registry and
 * Kafka last. Each role's processes get SIGTERM together and {@code grace} to exit; those still
 * alive then get SIGKILL.
 */
final class ProcessStopper {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessStopper.class);
    private static final List<ProcessRole> ORDER =
            List.of(
                    // First, so that it does not re-host streams of jobs that stop with the
                    // cluster.
                    ProcessRole.SUPERVISOR,
                    ProcessRole.TASKMANAGER,
                    ProcessRole.JOBMANAGER,
                    ProcessRole.REGISTRY,
                    ProcessRole.KAFKA);
    private static final Duration AFTER_KILL = Duration.ofSeconds(10);

    private ProcessStopper() {}

    /** How a process ended. */
    enum Outcome {
        ALREADY_EXITED,
        STOPPED,
        KILLED,
        STILL_RUNNING
    }

    /**
     * One stopped process.
     *
     * @param process the process
     * @param outcome how it ended
     * @param took how long stopping it took
     */
    record Result(ChildProcess process, Outcome outcome, Duration took) {}

    /**
     * Stops {@code processes}.
     *
     * @param grace how long each role's processes may take to exit after SIGTERM
     * @return one result per process, in stop order
     */
    static List<Result> stop(List<ChildProcess> processes, Duration grace)
            throws InterruptedException {
        List<Result> results = new ArrayList<>();
        for (ProcessRole role : ORDER) {
            List<ChildProcess> ofRole = processes.stream().filter(p -> p.role() == role).toList();
            results.addAll(stopTogether(ofRole, grace));
        }
        return results;
    }

    private static List<Result> stopTogether(List<ChildProcess> processes, Duration grace)
            throws InterruptedException {
        long start = System.nanoTime();
        List<Result> results = new ArrayList<>();
        Map<ChildProcess, Optional<ProcessHandle>> handles = new LinkedHashMap<>();
        for (ChildProcess process : processes) {
            Optional<ProcessHandle> handle = process.handle();
            handle.ifPresent(
                    h -> {
                        LOG.debug("Stopping {} (pid {})", process.displayName(), h.pid());
                        h.destroy();
                    });
            handles.put(process, handle);
        }
        long deadline = start + grace.toNanos();
        for (Map.Entry<ChildProcess, Optional<ProcessHandle>> entry : handles.entrySet()) {
            ChildProcess process = entry.getKey();
            if (entry.getValue().isEmpty()) {
                results.add(new Result(process, Outcome.ALREADY_EXITED, Duration.ZERO));
                continue;
            }
            ProcessHandle handle = entry.getValue().get();
            Outcome outcome = Outcome.STOPPED;
            if (!awaitExit(handle, deadline - System.nanoTime())) {
                LOG.warn(
                        "{} (pid {}) did not exit within {} s of SIGTERM; killing it",
                        process.displayName(),
                        handle.pid(),
                        grace.toSeconds());
                handle.destroyForcibly();
                outcome =
                        awaitExit(handle, AFTER_KILL.toNanos())
                                ? Outcome.KILLED
                                : Outcome.STILL_RUNNING;
            }
            results.add(new Result(process, outcome, Duration.ofNanos(System.nanoTime() - start)));
        }
        return results;
    }

    private static boolean awaitExit(ProcessHandle handle, long nanos) throws InterruptedException {
        try {
            handle.onExit().get(Math.max(nanos, 0), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return !handle.isAlive();
        } catch (ExecutionException e) {
            return !handle.isAlive();
        }
    }
}
