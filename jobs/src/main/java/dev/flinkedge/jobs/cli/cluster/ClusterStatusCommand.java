package dev.flinkedge.jobs.cli.cluster;

import dev.flinkedge.jobs.cli.CliException;
import dev.flinkedge.jobs.cli.TextTable;
import dev.flinkedge.scheduler.cluster.ChildProcess;
import dev.flinkedge.scheduler.cluster.ClusterRestClient;
import dev.flinkedge.scheduler.cluster.ClusterState;
import dev.flinkedge.scheduler.cluster.ClusterStateFile;
import dev.flinkedge.scheduler.cluster.JobInfo;
import dev.flinkedge.scheduler.cluster.TaskManagerInfo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code cluster status}: the sites, processes, TaskManagers and jobs of the running local edge
 * cluster. Exits with 1 when a process is gone or an endpoint does not answer.
 */
@Command(
        name = "status",
        description =
                "Show the local edge cluster: sites, processes,"
                        + " TaskManagers (slots and site resources) and jobs.")
final class ClusterStatusCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin WorkDirOption workDir;

    @Override
    public Integer call() throws Exception {
        ClusterStateFile stateFile = new ClusterStateFile(workDir.workDir);
        ClusterState state =
                stateFile
                        .read()
                        .orElseThrow(
                                () ->
                                        new CliException(
                                                "no local"
                                                        + " cluster in "
                                                        + workDir.workDir.toAbsolutePath()
                                                        + " (no "
                                                        + stateFile.path()
                                                        + "); start one with 'flink-edge cluster start --topology FILE'"));
        PrintWriter out = spec.commandLine().getOut();
        boolean healthy = printProcesses(out, state);
        ClusterRestClient rest =
                new ClusterRestClient(URI.create(state.restUrl()), URI.create(state.registryUrl()));
        healthy &= printSites(out, state, rest);
        healthy &= printJobs(out, state, rest);
        out.println();
        try {
            out.println("Registry " + state.registryUrl() + ": " + rest.registryHealth());
        } catch (IOException e) {
            out.println(
                    "Registry " + state.registryUrl() + ": not answering (" + e.getMessage() + ")");
            healthy = false;
        }
        out.flush();
        return healthy ? 0 : 1;
    }

    private static boolean printProcesses(PrintWriter out, ClusterState state) {
        boolean allAlive = true;
        TextTable table = new TextTable("PROCESS", "ROLE", "PID", "STATE", "LOG");
        for (ChildProcess p : state.processes()) {
            boolean alive = p.handle().isPresent();
            allAlive &= alive;
            table.row(
                    p.name(),
                    p.role().displayName(),
                    p.pid(),
                    alive ? "running" : "exited",
                    p.logFile());
        }
        table.print(out);
        return allAlive;
    }

    private static boolean printSites(PrintWriter out, ClusterState state, ClusterRestClient rest)
            throws InterruptedException {
        out.println();
        Map<String, TaskManagerInfo> byId;
        boolean answered = true;
        try {
            byId =
                    rest.taskManagers().stream()
                            .collect(Collectors.toMap(TaskManagerInfo::id, tm -> tm));
        } catch (IOException e) {
            out.println(
                    "JobManager REST "
                            + state.restUrl()
                            + ": not answering ("
                            + e.getMessage()
                            + ")");
            byId = Map.of();
            answered = false;
        }
        TextTable table =
                new TextTable(
                        "SITE", "TIER", "PARENT", "TASKMANAGER", "SLOTS", "FREE", "RESOURCES");
        for (ClusterState.SiteState site : state.sites()) {
            TaskManagerInfo tm = site.taskManager() == null ? null : byId.get(site.taskManager());
            table.row(
                    site.id(),
                    site.tier().name().toLowerCase(Locale.ROOT),
                    site.parent() == null ? "-" : site.parent(),
                    site.taskManager() == null
                            ? "-"
                            : tm == null ? site.taskManager() + " (not registered)" : tm.id(),
                    tm == null ? site.slots() : tm.slots(),
                    tm == null ? "-" : tm.freeSlots(),
                    tm == null ? "-" : resources(tm));
        }
        table.print(out);
        return answered;
    }

    private static boolean printJobs(PrintWriter out, ClusterState state, ClusterRestClient rest)
            throws InterruptedException {
        out.println();
        List<JobInfo> jobs;
        try {
            jobs = rest.jobs();
        } catch (IOException e) {
            return false;
        }
        if (jobs.isEmpty()) {
            out.println("No jobs. Submit one with 'bin/flink run -d -c <main-class> <job.jar>'.");
            return true;
        }
        TextTable table = new TextTable("JOB", "NAME", "STATE");
        jobs.forEach(job -> table.row(job.id(), job.name(), job.state()));
        table.print(out);
        return true;
    }

    private static String resources(TaskManagerInfo tm) {
        return tm.extendedResources().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + formatAmount(e.getValue()))
                .collect(Collectors.joining(","));
    }

    private static String formatAmount(double amount) {
        return amount == Math.rint(amount) ? String.valueOf((long) amount) : String.valueOf(amount);
    }
}
