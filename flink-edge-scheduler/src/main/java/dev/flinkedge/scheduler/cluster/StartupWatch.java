package dev.flinkedge.scheduler.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits, under one deadline for the whole start, for conditions of the starting cluster while
 * watching every process it launched: a process that exits fails the start at once, naming the
 * process and its log file. Between polls it waits on the processes' exit, never in a bare sleep.
 */
final class StartupWatch {

    private static final Duration POLL = Duration.ofMillis(250);

    private final List<ChildLauncher.Launched> launched = new ArrayList<>();
    private final long deadlineNanos;
    private final Duration timeout;

    StartupWatch(Duration timeout) {
        this.timeout = timeout;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    }

    /** A condition polled until it holds. */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws InterruptedException;
    }

    /** Watches one more process. */
    void watch(ChildLauncher.Launched process) {
        launched.add(process);
    }

    /** Every watched process, in launch order. */
    List<ChildProcess> processes() {
        return launched.stream().map(ChildLauncher.Launched::child).toList();
    }

    /**
     * Polls {@code condition} until it holds.
     *
     * @param what what is awaited, for messages, e.g. {@code the registry to answer /v1/health}
     * @param responsible the process whose log explains a timeout
     * @throws ClusterStartException when a watched process exits or the deadline passes
     */
    void await(String what, ChildProcess responsible, Condition condition)
            throws InterruptedException {
        while (true) {
            checkAllAlive(what);
            if (condition.holds()) {
                return;
            }
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw new ClusterStartException(
                        "timed out after "
                                + timeout.toSeconds()
                                + " s waiting for "
                                + what
                                + "; see the log of "
                                + responsible.displayName()
                                + ": "
                                + responsible.logFile());
            }
            awaitAnyExit(Math.min(left, POLL.toNanos()));
        }
    }

    private void checkAllAlive(String what) {
        for (ChildLauncher.Launched l : launched) {
            if (!l.process().isAlive()) {
                ChildProcess child = l.child();
                throw new ClusterStartException(
                        child.displayName()
                                + " exited with code "
                                + l.process().exitValue()
                                + " while waiting for "
                                + what
                                + "; see its log "
                                + child.logFile()
                                + " and its output "
                                + ChildLauncher.outFile(child.logFile().getParent(), child.name()));
            }
        }
    }

    private void awaitAnyExit(long nanos) throws InterruptedException {
        CompletableFuture<?>[] exits =
                launched.stream().map(l -> l.process().onExit()).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.anyOf(exits).get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return;
        }
    }
}
