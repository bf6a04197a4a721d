package dev.flinkedge.jobs.cli.cluster;

import dev.flinkedge.jobs.cli.CliException;
import dev.flinkedge.jobs.cli.DurationConverter;
import dev.flinkedge.jobs.cli.ProjectFiles;
import dev.flinkedge.jobs.cli.TextTable;
import dev.flinkedge.jobs.cli.registry.TokenListing;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.registry.storage.RegistryConfig;
import dev.flinkedge.scheduler.cluster.ChildProcess;
import dev.flinkedge.scheduler.cluster.ClusterPorts;
import dev.flinkedge.scheduler.cluster.ClusterSettings;
import dev.flinkedge.scheduler.cluster.ClusterStartException;
import dev.flinkedge.scheduler.cluster.ClusterState;
import dev.flinkedge.scheduler.cluster.LocalEdgeCluster;
import dev.flinkedge.scheduler.topology.InvalidTopologyException;
import dev.flinkedge.scheduler.topology.Topology;
import dev.flinkedge.scheduler.topology.TopologyLoader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code cluster start}: starts the processes of a local edge cluster from this JVM's classpath,
 * waits until all are ready and returns, leaving them running.
 */
@Command(
        name = "start",
        description = {
            "Start Kafka, the registry, a Flink JobManager, one TaskManager per edge or cloud site and"
                    + " the stream supervisor as background processes, wait until all are ready, and"
                    + " return.",
            "Each TaskManager declares its site as a Flink external resource (one unit per slot).",
            "Logs: <work-dir>/cluster/<process>/<process>.log."
        })
final class ClusterStartCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin WorkDirOption workDir;

    @Option(
            names = "--topology",
            paramLabel = "FILE",
            required = true,
            description = "The sites and links, e.g. conf/topology-default.yaml.")
    Path topologyFile;

    @Option(
            names = "--embedded-kafka",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description =
                    "Start a Kafka broker (default); --no-embedded-kafka needs"
                            + " --bootstrap-servers or --kafka.properties.")
    boolean embeddedKafka;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT",
            description =
                    "An existing Kafka to use with --no-embedded-kafka (wins over the"
                            + " bootstrap.servers of --kafka.properties).")
    String bootstrapServers;

    @Option(
            names = "--kafka.properties",
            paramLabel = "FILE",
            description =
                    "Kafka client properties file (bootstrap.servers, security.protocol, sasl.*,"
                            + " ssl.*) of the existing Kafka, for the registry and the host jobs"
                            + " (with --no-embedded-kafka). Keep it readable only by its owner.")
    Path kafkaProperties;

    @Option(
            names = "--kafka-port",
            defaultValue = "9092",
            description = "Port of the started Kafka broker (default ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(
            names = "--kafka-controller-port",
            defaultValue = "9093",
            description =
                    "KRaft controller port of the started broker (default" + " ${DEFAULT-VALUE}).")
    int kafkaControllerPort;

    @Option(
            names = "--registry-port",
            defaultValue = "8090",
            description = "Registry REST port (default ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(
            names = "--rest-port",
            defaultValue = "8081",
            description = "Flink REST and web port (default ${DEFAULT-VALUE}).")
    int restPort;

    @Option(
            names = "--rpc-port",
            defaultValue = "6123",
            description = "JobManager RPC port (default ${DEFAULT-VALUE}).")
    int rpcPort;

    @Option(
            names = "--jobmanager-memory",
            defaultValue = "1024m",
            description = "jobmanager.memory.process.size (default ${DEFAULT-VALUE}).")
    String jobManagerMemory;

    @Option(
            names = "--taskmanager-memory",
            defaultValue = "1536m",
            description =
                    "taskmanager.memory.process.size of every TaskManager (default"
                            + " ${DEFAULT-VALUE}).")
    String taskManagerMemory;

    @Option(
            names = "--supervisor",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description =
                    "Start the stream supervisor (default): for every owner in the tokens file it"
                            + " re-hosts ORPHANED streams that still have subscribers as host jobs"
                            + " from the job jar; --no-supervisor leaves it out.")
    boolean supervisor;

    @Option(
            names = "--host-job-arg",
            paramLabel = "ARG",
            description =
                    "One more argument of every host job the supervisor starts, repeatable, e.g."
                            + " --host-job-arg=--cameras.catalog --host-job-arg=cameras.yaml for"
                            + " streams computed from cameras.")
    List<String> hostJobArgs = new ArrayList<>();

    @Option(
            names = "--timeout",
            defaultValue = "180s",
            converter = DurationConverter.class,
            description =
                    "How long start may take until every TaskManager is registered"
                            + " (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        ClusterSettings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        out.println(
                "Starting the local edge cluster of " + topologyFile + " in " + settings.workDir());
        out.flush();
        long t0 = System.nanoTime();
        ClusterState state;
        try {
            state =
                    LocalEdgeCluster.start(
                            settings,
                            line -> {
                                out.println("  " + line);
                                out.flush();
                            });
        } catch (ClusterStartException e) {
            throw new CliException(e.getMessage(), e);
        }
        out.printf("Cluster up in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
        print(out, state);
        return 0;
    }

    private ClusterSettings settings() {
        if (!embeddedKafka && bootstrapServers == null && kafkaProperties == null) {
            throw usageError(
                    "--no-embedded-kafka needs --bootstrap-servers HOST:PORT or --kafka.properties"
                            + " FILE");
        }
        if (embeddedKafka && (bootstrapServers != null || kafkaProperties != null)) {
            throw usageError(
                    "--bootstrap-servers and --kafka.properties are for an existing Kafka; add"
                            + " --no-embedded-kafka, or drop them to start one");
        }
        String servers = bootstrapServers;
        if (kafkaProperties != null) {
            try {
                servers =
                        KafkaClientConfig.resolve(bootstrapServers, kafkaProperties)
                                .bootstrapServers();
            } catch (IllegalArgumentException e) {
                throw usageError("--kafka.properties: " + e.getMessage());
            }
        }
        Topology topology;
        try {
            topology = TopologyLoader.load(topologyFile);
        } catch (InvalidTopologyException e) {
            throw new CliException(e.getMessage(), e);
        }
        try {
            ClusterPorts ports =
                    new ClusterPorts(
                            kafkaPort, kafkaControllerPort, registryPort, restPort, rpcPort);
            ClusterSettings settings =
                    new ClusterSettings(
                            topology,
                            topologyFile,
                            workDir.workDir,
                            servers,
                            ports,
                            System.getProperty("java.class.path"),
                            jobManagerMemory,
                            taskManagerMemory,
                            timeout);
            if (kafkaProperties != null) {
                // The registry reads the file itself, so that the credential stays out of its
                // command line.
                settings =
                        settings.withRegistrySetting(
                                RegistryConfig.KAFKA_PROPERTIES,
                                kafkaProperties.toAbsolutePath().toString());
            }
            return supervisor
                    ? settings.withSupervision(
                            new ClusterSettings.Supervision(jobJar(), hostJobArgs, kafkaProperties))
                    : settings;
        } catch (IllegalArgumentException e) {
            throw usageError(e.getMessage());
        }
    }

    private static Path jobJar() {
        try {
            return ProjectFiles.current().jobJar();
        } catch (CliException e) {
            throw new CliException(
                    e.getMessage()
                            + "; the stream supervisor starts host jobs from it (or pass"
                            + " --no-supervisor)",
                    e);
        }
    }

    private static void print(PrintWriter out, ClusterState state) throws Exception {
        TextTable processes = new TextTable("PROCESS", "PID", "LOG");
        for (ChildProcess p : state.processes()) {
            processes.row(p.name(), p.pid(), p.logFile());
        }
        processes.print(out);
        out.println("Flink REST and web UI: " + state.restUrl());
        out.println(
                "Registry: " + state.registryUrl() + " (Kafka " + state.bootstrapServers() + ")");
        TokenListing.print(
                out,
                state.tokensFile(),
                LocalEdgeCluster.tokens(state.tokensFile()),
                state.registryUrl());
        out.println(
                "  export "
                        + WorkDirOption.ENV
                        + "="
                        + state.workDir()
                        + "   # for bin/flink and cluster status/stop");
        out.println(
                "Submit jobs with 'bin/flink run -d -c <main-class> <job.jar>'; stop with"
                        + " 'bin/flink-edge cluster stop'.");
        out.flush();
    }

    private ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
