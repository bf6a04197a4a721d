package dev.flinkedge.jobs.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.jobs.cli.FlinkEdgeCli;
import dev.flinkedge.scheduler.cluster.ChildProcess;
import dev.flinkedge.scheduler.cluster.ClusterRestClient;
import dev.flinkedge.scheduler.cluster.ClusterState;
import dev.flinkedge.scheduler.cluster.ClusterStateFile;
import dev.flinkedge.scheduler.cluster.InJvmEdgeCluster;
import dev.flinkedge.scheduler.cluster.TaskManagerInfo;

import org.apache.flink.client.cli.CliFrontend;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the default topology as real processes (Kafka, registry, JobManager, three TaskManagers)
 * on free ports, checks it through Flink's REST API, the registry and Flink's own CLI, and stops
 * it. Without the stream supervisor, which needs the job jar that this phase has not built yet;
 * {@code StreamSupervisorJarIT} starts the cluster with it.
 */
class LocalEdgeClusterITCase {

    private static final Path DEFAULT_TOPOLOGY = Path.of("..", "conf", "topology-default.yaml");
    private static final Map<String, Integer> SLOTS_BY_SITE =
            Map.of("cloud", 4, "edge-1", 2, "edge-2", 2);

    @TempDir Path workDir;

    @Test
    void startsTheDefaultTopologyAsSeparateProcessesAndStopsThemAll() throws Exception {
        int[] ports = InJvmEdgeCluster.freePorts(5);
        Cli start =
                Cli.run(
                        "cluster",
                        "start",
                        "--no-supervisor",
                        "--topology",
                        DEFAULT_TOPOLOGY.toString(),
                        "--work-dir",
                        workDir.toString(),
                        "--kafka-port",
                        String.valueOf(ports[0]),
                        "--kafka-controller-port",
                        String.valueOf(ports[1]),
                        "--registry-port",
                        String.valueOf(ports[2]),
                        "--rest-port",
                        String.valueOf(ports[3]),
                        "--rpc-port",
                        String.valueOf(ports[4]),
                        "--timeout",
                        "80s");
        ClusterStateFile stateFile = new ClusterStateFile(workDir);
        Optional<ClusterState> started = stateFile.read();
        try {
            assertThat(start.exitCode).as(start.output()).isZero();
            assertThat(start.out).contains("TaskManagers registered: 3/3", "Cluster up in");
            ClusterState state = started.orElseThrow();
            assertThat(state.processes()).hasSize(6);
            assertThat(state.restUrl()).isEqualTo("http://localhost:" + ports[3]);

            ClusterRestClient rest =
                    new ClusterRestClient(
                            URI.create(state.restUrl()), URI.create(state.registryUrl()));
            List<TaskManagerInfo> taskManagers = rest.taskManagers();
            assertThat(taskManagers)
                    .extracting(TaskManagerInfo::id)
                    .containsExactlyInAnyOrder("cloud-tm-0", "edge-1-tm-0", "edge-2-tm-0");
            for (TaskManagerInfo tm : taskManagers) {
                String site = tm.id().substring(0, tm.id().length() - "-tm-0".length());
                int slots = SLOTS_BY_SITE.get(site);
                assertThat(tm.slots()).as(tm.id()).isEqualTo(slots);
                assertThat(tm.extendedResources())
                        .as(tm.id())
                        .isEqualTo(Map.of(site, (double) slots));
            }
            assertThat(rest.registryHealth()).isEqualTo("UP");
            assertThat(flinkList(state)).isZero();

            Cli status = Cli.run("cluster", "status", "--work-dir", workDir.toString());
            assertThat(status.exitCode).as(status.output()).isZero();
            assertThat(status.out).contains("edge-1-tm-0", "edge-1=2", "cloud=4", "No jobs", "UP");
        } finally {
            Cli stop = Cli.run("cluster", "stop", "--work-dir", workDir.toString());
            assertThat(stop.exitCode).as(stop.output()).isZero();
        }
        for (ChildProcess process : started.orElseThrow().processes()) {
            assertThat(ProcessHandle.of(process.pid()).filter(ProcessHandle::isAlive))
                    .as(process.displayName())
                    .isEmpty();
        }
        assertThat(stateFile.path()).doesNotExist();
    }

    @Test
    void refusesPortsInUseWithoutStartingAnything() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            int[] ports = InJvmEdgeCluster.freePorts(4);
            Cli start =
                    Cli.run(
                            "cluster",
                            "start",
                            "--no-supervisor",
                            "--topology",
                            DEFAULT_TOPOLOGY.toString(),
                            "--work-dir",
                            workDir.toString(),
                            "--kafka-port",
                            String.valueOf(ports[0]),
                            "--kafka-controller-port",
                            String.valueOf(ports[1]),
                            "--registry-port",
                            String.valueOf(ports[2]),
                            "--rest-port",
                            String.valueOf(busy.getLocalPort()),
                            "--rpc-port",
                            String.valueOf(ports[3]));

            assertThat(start.exitCode).isEqualTo(1);
            assertThat(start.err)
                    .contains("port " + busy.getLocalPort() + " (--rest-port) is in" + " use");
            assertThat(new ClusterStateFile(workDir).path()).doesNotExist();
        }
    }

    @Test
    void namesTheFailedProcessAndStopsWhatWasStarted() throws Exception {
        int[] ports = InJvmEdgeCluster.freePorts(5);
        Cli start =
                Cli.run(
                        "cluster",
                        "start",
                        "--no-supervisor",
                        "--topology",
                        DEFAULT_TOPOLOGY.toString(),
                        "--work-dir",
                        workDir.toString(),
                        "--kafka-port",
                        String.valueOf(ports[0]),
                        "--kafka-controller-port",
                        String.valueOf(ports[1]),
                        "--registry-port",
                        String.valueOf(ports[2]),
                        "--rest-port",
                        String.valueOf(ports[3]),
                        "--rpc-port",
                        String.valueOf(ports[4]),
                        "--taskmanager-memory",
                        "100m");

        assertThat(start.exitCode).as(start.output()).isEqualTo(1);
        assertThat(start.err.strip())
                .hasLineCount(1)
                .contains("error: BashJavaUtils could not compute the memory options of cloud-tm-0")
                .contains("exceed configured Total Process Memory");
        assertThat(new ClusterStateFile(workDir).path()).doesNotExist();
        assertThat(
                        ProcessHandle.current()
                                .children()
                                .filter(ProcessHandle::isAlive)
                                .filter(
                                        p ->
                                                p.info()
                                                        .commandLine()
                                                        .orElse("")
                                                        .contains(workDir.toString())))
                .as("child processes of the failed start")
                .isEmpty();
    }

    /** {@code flink list} against the cluster, as {@code bin/flink list} runs it. */
    private static int flinkList(ClusterState state) throws Exception {
        String confDir = state.flinkConfDir().toString();
        Configuration configuration = GlobalConfiguration.loadConfiguration(confDir);
        CliFrontend frontend =
                new CliFrontend(
                        configuration, CliFrontend.loadCustomCommandLines(configuration, confDir));
        return frontend.parseAndRun(new String[] {"list"});
    }

    /** One run of the flink-edge CLI in this JVM, with its output. */
    private record Cli(int exitCode, String out, String err) {
        static Cli run(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine commandLine = FlinkEdgeCli.commandLine();
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            int exitCode = commandLine.execute(args);
            return new Cli(exitCode, out.toString(), err.toString());
        }

        String output() {
            return out + err;
        }
    }
}
