package dev.flinkedge.jobs.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.runtime.StreamTopics;
import dev.flinkedge.jobs.cli.FlinkEdgeCli;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.model.ResultTopics;
import dev.flinkedge.scheduler.cluster.ChildProcess;
import dev.flinkedge.scheduler.cluster.ClusterRestClient;
import dev.flinkedge.scheduler.cluster.ClusterState;
import dev.flinkedge.scheduler.cluster.ClusterStateFile;
import dev.flinkedge.scheduler.cluster.InJvmEdgeCluster;
import dev.flinkedge.scheduler.cluster.TaskManagerInfo;

import org.apache.flink.client.cli.CliFrontend;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
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
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Starts the default topology as real processes (Kafka, registry, JobManager, three TaskManagers)
 * on free ports, checks it through Flink's REST API, the registry, Flink's own CLI and its Kafka's
 * authentication and ACLs, and stops it. Without the stream supervisor, which needs the job jar
 * that this phase has not built yet; {@code StreamSupervisorJarIT} starts the cluster with it.
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
            assertKafkaAdmitsOwnersToTheirOwnTopicsOnly(state);

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

    /**
     * The cluster's Kafka refuses clients without credentials; an owner writes its own results,
     * which another owner cannot read (through {@code results tail}, as users read them), and no
     * owner may write the registry's topic.
     */
    private static void assertKafkaAdmitsOwnersToTheirOwnTopicsOnly(ClusterState state)
            throws Exception {
        Properties anonymous = new Properties();
        anonymous.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, state.bootstrapServers());
        anonymous.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        anonymous.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        try (Admin admin = Admin.create(anonymous)) {
            assertThatThrownBy(() -> admin.listTopics().names().get())
                    .isInstanceOf(ExecutionException.class);
        }

        String plates = ResultTopics.topicFor("city-a", "plates");
        KafkaClientConfig cityA = state.kafkaClientConfig("city-a");
        StreamTopics.ensure(cityA, Map.of(plates, 1));
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(
                        cityA.toProperties(), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(plates, "AB12CD", "{\"plate\":\"AB12CD\"}"))
                    .get(30, TimeUnit.SECONDS);
        }
        Cli asA = tail("city-a/plates", state.kafkaClientProperties("city-a"));
        assertThat(asA.exitCode).as(asA.output()).isZero();
        assertThat(asA.out.trim()).isEqualTo("{\"plate\":\"AB12CD\"}");
        Cli asB = tail("city-a/plates", state.kafkaClientProperties("city-b"));
        assertThat(asB.exitCode).as(asB.output()).isEqualTo(1);
        assertThat(asB.err).contains("No topic '" + plates + "'", "that this login may read");

        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(
                        state.kafkaClientConfig("city-b").toProperties(),
                        new StringSerializer(),
                        new StringSerializer())) {
            assertThatThrownBy(
                            () ->
                                    producer.send(
                                                    new ProducerRecord<>(
                                                            StreamRegistry.DEFAULT_TOPIC,
                                                            "forged",
                                                            "{}"))
                                            .get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    private static Cli tail(String results, Path kafkaProperties) {
        return Cli.run(
                "results",
                "tail",
                results,
                "--from-beginning",
                "--max",
                "1",
                "--idle-timeout",
                "20s",
                "--kafka.properties",
                kafkaProperties.toString());
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
