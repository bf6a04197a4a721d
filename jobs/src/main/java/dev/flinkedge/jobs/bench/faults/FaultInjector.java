package dev.flinkedge.jobs.bench.faults;

import dev.flinkedge.scheduler.cluster.ChildProcess;
import dev.flinkedge.scheduler.cluster.ClusterSettings;
import dev.flinkedge.scheduler.cluster.ClusterState;
import dev.flinkedge.scheduler.cluster.LocalEdgeCluster;
import dev.flinkedge.scheduler.cluster.ProcessRole;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Injects faults into a running local edge cluster: kills a process with SIGKILL ({@code kill -9})
 * or stops it with SIGTERM, by the pid its state file records, and starts it again with the
 * configuration and data it had ({@link LocalEdgeCluster#restart}). Keeps the cluster's state
 * current, since a restarted process has a new pid.
 */
public final class FaultInjector {

    private static final Logger LOG = LoggerFactory.getLogger(FaultInjector.class);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);

    private final ClusterSettings settings;
    private final Consumer<String> progress;
    private ClusterState state;

    /**
     * @param settings what the cluster was started with
     * @param state the running cluster
     * @param progress one line per fault and recovery
     */
    public FaultInjector(ClusterSettings settings, ClusterState state, Consumer<String> progress) {
        this.settings = settings;
        this.state = state;
        this.progress = progress;
    }

    /** The cluster as it is now (pids change on restart). */
    public synchronized ClusterState state() {
        return state;
    }

    /** The one process of {@code role}, e.g. the JobManager's name. */
    public String nameOf(ProcessRole role) {
        List<ChildProcess> of = state().processes(role);
        if (of.size() != 1) {
            throw new IllegalStateException(
                    "expected one " + role.displayName() + " in the cluster but found " + of);
        }
        return of.get(0).name();
    }

    /** Kills process {@code name} with SIGKILL and waits until it is gone. */
    public void kill(String name) throws InterruptedException {
        ChildProcess process = process(name);
        progress.accept("kill -9 " + process.displayName() + " (pid " + process.pid() + ")");
        end(process, true);
    }

    /** Stops process {@code name} with SIGTERM (SIGKILL after 30 s) and waits until it is gone. */
    public void stop(String name) throws InterruptedException {
        ChildProcess process = process(name);
        progress.accept("stopping " + process.displayName() + " (pid " + process.pid() + ")");
        end(process, false);
    }

    /** Starts process {@code name} again, after it was killed or stopped, and waits until ready. */
    public void restart(String name) throws IOException, InterruptedException {
        ClusterState next = LocalEdgeCluster.restart(settings, state(), name, progress);
        synchronized (this) {
            state = next;
        }
    }

    /** Starts one more TaskManager at {@code site} and waits until it has registered. */
    public void addTaskManager(String site) throws IOException, InterruptedException {
        ClusterState next = LocalEdgeCluster.addTaskManager(settings, state(), site, progress);
        synchronized (this) {
            state = next;
        }
    }

    private ChildProcess process(String name) {
        return state().processes().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "the cluster has no process '"
                                                + name
                                                + "'; it has "
                                                + state().processes().stream()
                                                        .map(ChildProcess::name)
                                                        .toList()));
    }

    private static void end(ChildProcess process, boolean kill) throws InterruptedException {
        ProcessHandle handle =
                process.handle()
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                process.displayName()
                                                        + " (pid "
                                                        + process.pid()
                                                        + ") is not running; a fault needs a live"
                                                        + " process"));
        // ProcessHandle.destroyForcibly sends SIGKILL on Unix, destroy SIGTERM.
        boolean sent = kill ? handle.destroyForcibly() : handle.destroy();
        if (!sent) {
            throw new IllegalStateException(
                    "could not signal " + process.displayName() + " (pid " + process.pid() + ")");
        }
        try {
            handle.onExit().get(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("{} ignored SIGTERM for {}; killing it", process.displayName(), EXIT_TIMEOUT);
            handle.destroyForcibly();
            awaitExit(handle, process);
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for " + process.displayName() + " failed", e);
        }
    }

    private static void awaitExit(ProcessHandle handle, ChildProcess process)
            throws InterruptedException {
        try {
            handle.onExit().get(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException(
                    process.displayName() + " (pid " + process.pid() + ") still runs after SIGKILL",
                    e);
        }
    }
}
