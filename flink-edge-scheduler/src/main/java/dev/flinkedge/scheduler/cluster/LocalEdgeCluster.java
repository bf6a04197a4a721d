package dev.flinkedge.scheduler.cluster;

import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.kafka.security.BrokerSecurity;
import dev.flinkedge.kafka.security.ScramUsers;
import dev.flinkedge.kafka.security.SecretFiles;
import dev.flinkedge.registry.rest.RegistryServer;
import dev.flinkedge.registry.rest.Tokens;
import dev.flinkedge.registry.storage.RegistryConfig;
import dev.flinkedge.scheduler.supervision.SupervisorOptions;
import dev.flinkedge.scheduler.supervision.SupervisorServer;
import dev.flinkedge.scheduler.topology.Site;

import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Starts and stops a local edge cluster as separate processes: a Kafka broker, the shared stream
 * registry, a Flink JobManager, one TaskManager per edge or cloud site (declaring its site as an
 * external resource) and, when the settings ask for it, the stream supervisor. Each process has a
 * directory {@code <work-dir>/cluster/<name>/} with its configuration, log file and scratch space;
 * {@code <work-dir>/cluster/cluster.json} records the running cluster.
 *
 * <pre>{@code
 * ClusterState state = LocalEdgeCluster.start(settings, System.out::println);
 * ...
 * LocalEdgeCluster.stop(state, Duration.ofSeconds(30));
 * }</pre>
 */
public final class LocalEdgeCluster {

    private static final Logger LOG = LoggerFactory.getLogger(LocalEdgeCluster.class);

    static final String KAFKA = "kafka";
    static final String REGISTRY = "registry";
    static final String JOBMANAGER = "jobmanager";
    static final String CLIENT = "client";
    static final String SUPERVISOR = "supervisor";
    static final String REGISTRY_MAIN = RegistryServer.class.getName();
    static final String SUPERVISOR_MAIN = SupervisorServer.class.getName();
    private static final List<String> SUPERVISOR_JVM_OPTIONS = List.of("-Xmx128m");
    static final String JOBMANAGER_MAIN =
            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    static final String TASKMANAGER_MAIN =
            "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";

    /** The system property the jobs' ONNX models take their threads per run from. */
    static final String ONNX_THREADS_PROPERTY = "flinkedge.onnx.threads";

    /** The system properties naming the models and the assets directory, as the jobs read them. */
    static final List<String> MODEL_LOCATION_PROPERTIES =
            List.of("flinkedge.models", "flinkedge.assets");

    private static final Duration STOP_GRACE_ON_FAILURE = Duration.ofSeconds(10);
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);

    private LocalEdgeCluster() {}

    /** The TaskManager resource id of a site's first TaskManager. */
    public static String taskManagerId(Site site) {
        return site.id() + "-tm-0";
    }

    /** The sites that get a TaskManager: edge and cloud sites with at least one slot. */
    public static List<Site> computeSites(List<Site> sites) {
        return sites.stream().filter(Site::hostsTasks).toList();
    }

    /**
     * Starts the cluster and waits until Kafka accepts connections, the registry is healthy, the
     * JobManager's REST API answers and every TaskManager has registered.
     *
     * @param settings what to start
     * @param progress receives one line per step, for the user
     * @return the state, also written to the state file
     * @throws ClusterStartException naming the process that failed and its log file; everything
     *     started before is stopped again
     */
    public static ClusterState start(ClusterSettings settings, Consumer<String> progress)
            throws IOException, InterruptedException {
        ClusterStateFile stateFile = new ClusterStateFile(settings.workDir());
        refuseIfRunning(stateFile, settings.workDir());
        List<Site> computeSites = computeSites(settings.topology().sites());
        if (computeSites.isEmpty()) {
            throw new ClusterStartException(
                    "the topology "
                            + settings.topologyFile()
                            + " has no"
                            + " edge or cloud site with slots; give at least one site 'slots: 1' or more");
        }
        checkPortsFree(settings);
        StartupWatch watch = new StartupWatch(settings.startTimeout());
        Thread cleanup = new Thread(() -> stopQuietly(watch.processes()), "cluster-start-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            ClusterState state = startAll(settings, computeSites, stateFile, watch, progress);
            Runtime.getRuntime().removeShutdownHook(cleanup);
            return state;
        } catch (Exception e) {
            Runtime.getRuntime().removeShutdownHook(cleanup);
            LOG.debug("Cluster start failed; stopping what was started", e);
            stopQuietly(watch.processes());
            stateFile.delete();
            if (e instanceof ClusterStartException || e instanceof InterruptedException) {
                throw e;
            }
            throw new ClusterStartException("cluster start failed: " + e, e);
        }
    }

    /**
     * Stops every process of a cluster and deletes its state file.
     *
     * @param state the cluster, as read from its state file
     * @param grace how long each process may take to exit after SIGTERM before it is killed
     * @return one line per process saying how it ended
     */
    public static List<String> stop(ClusterState state, Duration grace)
            throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        boolean allGone = true;
        for (ProcessStopper.Result r : ProcessStopper.stop(state.processes(), grace)) {
            String what = r.process().displayName() + " (pid " + r.process().pid() + ")";
            switch (r.outcome()) {
                case ALREADY_EXITED -> lines.add(what + " had already exited");
                case STOPPED -> lines.add(what + " stopped in " + r.took().toMillis() + " ms");
                case KILLED -> lines.add(what + " killed after " + grace.toSeconds() + " s");
                default -> {
                    lines.add(what + " is still running after SIGKILL");
                    allGone = false;
                }
            }
        }
        if (allGone) {
            new ClusterStateFile(state.workDir()).delete();
        }
        return lines;
    }

    private static ClusterState startAll(
            ClusterSettings settings,
            List<Site> computeSites,
            ClusterStateFile stateFile,
            StartupWatch watch,
            Consumer<String> progress)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        long startedMillis = System.currentTimeMillis();
        Path clusterDir = Files.createDirectories(settings.clusterDir());
        Path clientDir = Files.createDirectories(clusterDir.resolve(CLIENT));
        FlinkConfigs.writeClient(settings, clientDir);
        Log4jConfig.write(
                clientDir.resolve("log4j-cli.properties"), clientDir.resolve("flink-client.log"));
        Path tokensFile = clusterDir.resolve(REGISTRY).resolve("tokens.properties");
        Map<String, String> tokens = tokens(tokensFile);

        progress.accept(
                "Preparing "
                        + (computeSites.size() + 1)
                        + " Flink processes"
                        + (settings.embeddedKafka() ? " and Kafka" : "")
                        + " under "
                        + clusterDir);
        Path jmDir = processDir(clusterDir, JOBMANAGER);
        FlinkConfigs.writeJobManager(settings, jmDir);
        FlinkMemory.Pending jmMemory =
                FlinkMemory.start(
                        JOBMANAGER, FlinkMemory.Kind.JOBMANAGER, jmDir, settings.classpath());
        Map<Site, FlinkMemory.Pending> tmMemory = new LinkedHashMap<>();
        for (Site site : computeSites) {
            Path dir = processDir(clusterDir, taskManagerId(site));
            FlinkConfigs.writeTaskManager(settings, site, taskManagerId(site), dir);
            tmMemory.put(
                    site,
                    FlinkMemory.start(
                            taskManagerId(site),
                            FlinkMemory.Kind.TASKMANAGER,
                            dir,
                            settings.classpath()));
        }
        Path kafkaDir = processDir(clusterDir, KAFKA);
        KafkaCredentials credentials = null;
        if (settings.embeddedKafka()) {
            credentials =
                    KafkaCredentials.prepare(
                            clusterDir, tokens.keySet(), settings.kafkaBootstrapServers());
            formatKafka(settings, kafkaDir, credentials.brokerSecurity());
        }

        ClusterState state =
                initialState(settings, computeSites, tokensFile, clientDir, startedMillis);
        if (settings.embeddedKafka()) {
            state =
                    launch(
                            state,
                            stateFile,
                            watch,
                            KAFKA,
                            ProcessRole.KAFKA,
                            kafkaDir,
                            List.of("-Xms256m", "-Xmx512m"),
                            KafkaBrokerConfig.MAIN_CLASS,
                            List.of(kafkaDir.resolve(KafkaBrokerConfig.FILE).toString()),
                            settings);
        }
        state =
                launchFlink(
                        state,
                        stateFile,
                        watch,
                        JOBMANAGER,
                        ProcessRole.JOBMANAGER,
                        jmDir,
                        jmMemory.await(),
                        JOBMANAGER_MAIN,
                        settings);
        for (Map.Entry<Site, FlinkMemory.Pending> tm : tmMemory.entrySet()) {
            String name = taskManagerId(tm.getKey());
            state =
                    launchFlink(
                            state,
                            stateFile,
                            watch,
                            name,
                            ProcessRole.TASKMANAGER,
                            clusterDir.resolve(name),
                            tm.getValue().await(),
                            TASKMANAGER_MAIN,
                            settings);
        }
        progress.accept(
                "Started the JobManager and "
                        + tmMemory.size()
                        + " TaskManagers ("
                        + String.join(", ", tmMemory.keySet().stream().map(Site::id).toList())
                        + ")");

        if (settings.embeddedKafka()) {
            ChildProcess kafka = state.processes(ProcessRole.KAFKA).get(0);
            watch.await(
                    "Kafka to accept connections on port " + settings.ports().kafka(),
                    kafka,
                    () -> accepts(settings.ports().kafka()));
            createRegistryPrincipal(settings, credentials);
            progress.accept(
                    "Kafka is up at "
                            + settings.kafkaBootstrapServers()
                            + " (SASL/SCRAM, ACLs; client properties in "
                            + KafkaCredentials.clientsDir(clusterDir)
                            + ") ("
                            + seconds(t0)
                            + ")");
        }
        Path registryDir = processDir(clusterDir, REGISTRY);
        state =
                launch(
                        state,
                        stateFile,
                        watch,
                        REGISTRY,
                        ProcessRole.REGISTRY,
                        registryDir,
                        List.of("-Xmx256m"),
                        REGISTRY_MAIN,
                        registryArgs(settings, tokensFile, credentials),
                        settings);

        ClusterRestClient rest =
                new ClusterRestClient(URI.create(state.restUrl()), URI.create(state.registryUrl()));
        ChildProcess registry = state.processes(ProcessRole.REGISTRY).get(0);
        watch.await(
                "the registry to answer " + state.registryUrl() + "/v1/health",
                registry,
                () -> registryUp(rest));
        progress.accept("Registry is up at " + state.registryUrl() + " (" + seconds(t0) + ")");
        if (settings.supervision() != null) {
            state = launchSupervisor(state, stateFile, watch, settings, tokensFile);
            progress.accept(
                    "Stream supervisor started for "
                            + String.join(", ", tokens.keySet())
                            + " ("
                            + seconds(t0)
                            + ")");
        }
        ChildProcess jobManager = state.processes(ProcessRole.JOBMANAGER).get(0);
        watch.await(
                "the JobManager's REST API at " + state.restUrl(),
                jobManager,
                rest::flinkRestAnswers);
        progress.accept(
                "JobManager REST API is up at " + state.restUrl() + " (" + seconds(t0) + ")");
        awaitTaskManagers(state, watch, rest, progress, t0);
        LOG.debug("Local edge cluster up in {} with tokens for {}", seconds(t0), tokens.keySet());
        return state;
    }

    /**
     * The registry's SCRAM credential, created with the broker's own identity: the registry is the
     * super user that creates every other credential and the ACLs.
     */
    private static void createRegistryPrincipal(
            ClusterSettings settings, KafkaCredentials credentials) throws InterruptedException {
        KafkaClientConfig broker =
                KafkaClientConfig.of(settings.kafkaBootstrapServers())
                        .withProperties(
                                credentials.brokerSecurity().broker().plainClientProperties());
        try (Admin admin = Admin.create(broker.toProperties())) {
            ScramUsers.upsert(admin, List.of(credentials.registry()), Duration.ofSeconds(60));
        }
    }

    /** The registry process's {@code key=value} arguments: the cluster's, then the user's. */
    private static List<String> registryArgs(
            ClusterSettings settings, Path tokensFile, KafkaCredentials credentials) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put(RegistryConfig.BOOTSTRAP_SERVERS, settings.kafkaBootstrapServers());
        if (credentials != null) {
            args.put(
                    RegistryConfig.KAFKA_PROPERTIES,
                    credentials.clientProperties(KafkaCredentials.REGISTRY_USER).toString());
            args.put(RegistryConfig.KAFKA_USERS_FILE, credentials.usersFile().toString());
        }
        args.put(RegistryConfig.TOKENS_FILE, tokensFile.toString());
        args.put(RegistryConfig.REST_HOST, FlinkConfigs.HOST);
        args.put(RegistryConfig.REST_PORT, String.valueOf(settings.ports().registry()));
        new TreeMap<>(settings.registrySettings()).forEach(args::put);
        return args.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    /**
     * Starts one process of a running cluster again after it exited (was killed or stopped), with
     * the configuration, directory and data it had, and waits until it is ready as {@link #start}
     * does: Kafka accepts connections, the registry is healthy, the JobManager's REST API answers,
     * a TaskManager has registered.
     *
     * @param settings the settings the cluster was started with
     * @param state the cluster, as read from its state file
     * @param name the process, e.g. {@code jobmanager} or {@code edge-1-tm-0}
     * @param progress receives one line when the process is ready
     * @return the state with the new process in place of the old one, also written to the file
     * @throws IllegalArgumentException when the cluster has no such process
     * @throws IllegalStateException when the process still runs
     * @throws ClusterStartException when it exits or is not ready within the start timeout
     */
    public static ClusterState restart(
            ClusterSettings settings, ClusterState state, String name, Consumer<String> progress)
            throws IOException, InterruptedException {
        ChildProcess old =
                state.processes().stream()
                        .filter(p -> p.name().equals(name))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "the cluster has no process '"
                                                        + name
                                                        + "'; its processes are "
                                                        + state.processes().stream()
                                                                .map(ChildProcess::name)
                                                                .toList()));
        if (old.handle().isPresent()) {
            throw new IllegalStateException(
                    old.displayName()
                            + " (pid "
                            + old.pid()
                            + ") still runs; stop or kill it before starting it again");
        }
        Path dir = settings.clusterDir().resolve(name);
        ClusterState without = state.without(old);
        return switch (old.role()) {
            case KAFKA ->
                    relaunch(
                            settings,
                            without,
                            progress,
                            name,
                            ProcessRole.KAFKA,
                            dir,
                            List.of("-Xms256m", "-Xmx512m"),
                            KafkaBrokerConfig.MAIN_CLASS,
                            List.of(dir.resolve(KafkaBrokerConfig.FILE).toString()));
            case REGISTRY ->
                    relaunch(
                            settings,
                            without,
                            progress,
                            name,
                            ProcessRole.REGISTRY,
                            dir,
                            List.of("-Xmx256m"),
                            REGISTRY_MAIN,
                            registryArgs(
                                    settings,
                                    state.tokensFile(),
                                    settings.embeddedKafka()
                                            ? KafkaCredentials.load(settings.clusterDir())
                                            : null));
            case JOBMANAGER ->
                    relaunchFlink(
                            settings,
                            without,
                            progress,
                            name,
                            ProcessRole.JOBMANAGER,
                            FlinkMemory.Kind.JOBMANAGER,
                            JOBMANAGER_MAIN);
            case TASKMANAGER ->
                    relaunchFlink(
                            settings,
                            without,
                            progress,
                            name,
                            ProcessRole.TASKMANAGER,
                            FlinkMemory.Kind.TASKMANAGER,
                            TASKMANAGER_MAIN);
            case SUPERVISOR ->
                    relaunch(
                            settings,
                            without,
                            progress,
                            name,
                            ProcessRole.SUPERVISOR,
                            dir,
                            SUPERVISOR_JVM_OPTIONS,
                            SUPERVISOR_MAIN,
                            supervisorArgs(state, settings, state.tokensFile(), dir));
        };
    }

    /**
     * Starts one more TaskManager at a site of a running cluster, e.g. a spare that takes over the
     * tasks of a failed one: the site's configuration under the next free resource id ({@code
     * <site>-tm-1}, …).
     *
     * @param settings the settings the cluster was started with
     * @param state the cluster, as read from its state file
     * @param siteId a site with a TaskManager
     * @param progress receives one line when the TaskManager has registered
     * @return the state with the new TaskManager, also written to the file
     * @throws IllegalArgumentException when the site has no TaskManager
     */
    public static ClusterState addTaskManager(
            ClusterSettings settings, ClusterState state, String siteId, Consumer<String> progress)
            throws IOException, InterruptedException {
        Site site =
                computeSites(settings.topology().sites()).stream()
                        .filter(s -> s.id().equals(siteId))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "site '"
                                                        + siteId
                                                        + "' has no TaskManager; name an edge or"
                                                        + " cloud site with slots"));
        int index = 1;
        while (hasProcess(state, siteId + "-tm-" + index)) {
            index++;
        }
        String name = siteId + "-tm-" + index;
        Path dir = processDir(settings.clusterDir(), name);
        FlinkConfigs.writeTaskManager(settings, site, name, dir);
        return relaunchFlink(
                settings,
                state,
                progress,
                name,
                ProcessRole.TASKMANAGER,
                FlinkMemory.Kind.TASKMANAGER,
                TASKMANAGER_MAIN);
    }

    private static boolean hasProcess(ClusterState state, String name) {
        return state.processes().stream().anyMatch(p -> p.name().equals(name));
    }

    private static ClusterState relaunchFlink(
            ClusterSettings settings,
            ClusterState state,
            Consumer<String> progress,
            String name,
            ProcessRole role,
            FlinkMemory.Kind kind,
            String mainClass)
            throws IOException, InterruptedException {
        Path dir = settings.clusterDir().resolve(name);
        FlinkMemory.Params memory =
                FlinkMemory.start(name, kind, dir, settings.classpath()).await();
        List<String> args = new ArrayList<>(List.of("--configDir", dir.toString()));
        args.addAll(memory.dynamicOptions());
        return relaunch(
                settings, state, progress, name, role, dir, memory.jvmOptions(), mainClass, args);
    }

    private static ClusterState relaunch(
            ClusterSettings settings,
            ClusterState state,
            Consumer<String> progress,
            String name,
            ProcessRole role,
            Path dir,
            List<String> jvmOptions,
            String mainClass,
            List<String> args)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        StartupWatch watch = new StartupWatch(settings.startTimeout());
        ClusterRestClient rest =
                new ClusterRestClient(URI.create(state.restUrl()), URI.create(state.registryUrl()));
        // The JobManager lists a killed TaskManager until its heartbeat times out: the new one is
        // registered once its id has another address.
        String oldAddress = role == ProcessRole.TASKMANAGER ? taskManagerAddress(rest, name) : "";
        ClusterState next =
                launch(
                        state,
                        new ClusterStateFile(settings.workDir()),
                        watch,
                        name,
                        role,
                        dir,
                        jvmOptions,
                        mainClass,
                        args,
                        settings);
        ChildProcess child =
                next.processes().stream().filter(p -> p.name().equals(name)).findFirst().get();
        switch (role) {
            case KAFKA ->
                    watch.await(
                            "Kafka to accept connections on port " + settings.ports().kafka(),
                            child,
                            () -> accepts(settings.ports().kafka()));
            case REGISTRY ->
                    watch.await(
                            "the registry to answer " + next.registryUrl() + "/v1/health",
                            child,
                            () -> registryUp(rest));
            case JOBMANAGER -> {
                watch.await(
                        "the JobManager's REST API at " + next.restUrl(),
                        child,
                        rest::flinkRestAnswers);
                // Jobs fail at once without slots (the start-up time is 1 ms): wait until the
                // running TaskManagers have registered with the new JobManager.
                for (ChildProcess tm : next.processes(ProcessRole.TASKMANAGER)) {
                    if (tm.handle().isPresent()) {
                        watch.await(
                                "TaskManager " + tm.name() + " to register with the new JobManager",
                                child,
                                () -> registeredIds(rest).contains(tm.name()));
                    }
                }
            }
            case TASKMANAGER ->
                    watch.await(
                            "TaskManager " + name + " to register with the JobManager",
                            child,
                            () -> {
                                String address = taskManagerAddress(rest, name);
                                return !address.isEmpty() && !address.equals(oldAddress);
                            });
        }
        progress.accept(
                child.displayName() + " (pid " + child.pid() + ") is up (" + seconds(t0) + ")");
        return next;
    }

    private static void awaitTaskManagers(
            ClusterState state,
            StartupWatch watch,
            ClusterRestClient rest,
            Consumer<String> progress,
            long t0)
            throws InterruptedException {
        List<ChildProcess> expected = state.processes(ProcessRole.TASKMANAGER);
        AtomicInteger reported = new AtomicInteger(-1);
        for (ChildProcess tm : expected) {
            watch.await(
                    "TaskManager " + tm.name() + " to register with the JobManager",
                    tm,
                    () -> {
                        List<String> registered = registeredIds(rest);
                        if (reported.getAndSet(registered.size()) != registered.size()) {
                            progress.accept(
                                    "TaskManagers registered: "
                                            + registered.size()
                                            + "/"
                                            + expected.size()
                                            + " ("
                                            + seconds(t0)
                                            + ")");
                        }
                        return registered.contains(tm.name());
                    });
        }
    }

    /** The RPC address the JobManager knows for TaskManager {@code id}, "" when none. */
    private static String taskManagerAddress(ClusterRestClient rest, String id)
            throws InterruptedException {
        try {
            return rest.taskManagerAddresses().getOrDefault(id, "");
        } catch (IOException e) {
            return "";
        }
    }

    private static List<String> registeredIds(ClusterRestClient rest) throws InterruptedException {
        try {
            return rest.taskManagers().stream().map(TaskManagerInfo::id).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean registryUp(ClusterRestClient rest) throws InterruptedException {
        try {
            return "UP".equals(rest.registryHealth());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Starts the stream supervisor once the registry answers; the rest of the start watches it, so
     * a supervisor that exits at once (a bad job jar) fails the start.
     */
    private static ClusterState launchSupervisor(
            ClusterState state,
            ClusterStateFile stateFile,
            StartupWatch watch,
            ClusterSettings settings,
            Path tokensFile)
            throws IOException {
        Path dir = processDir(settings.clusterDir(), SUPERVISOR);
        return launch(
                state,
                stateFile,
                watch,
                SUPERVISOR,
                ProcessRole.SUPERVISOR,
                dir,
                SUPERVISOR_JVM_OPTIONS,
                SUPERVISOR_MAIN,
                supervisorArgs(state, settings, tokensFile, dir),
                settings);
    }

    /** The supervisor process's {@code key=value} arguments. */
    private static List<String> supervisorArgs(
            ClusterState state, ClusterSettings settings, Path tokensFile, Path dir) {
        ClusterSettings.Supervision supervision = settings.supervision();
        List<String> args =
                new ArrayList<>(
                        List.of(
                                SupervisorOptions.REGISTRY_URL.key() + "=" + state.registryUrl(),
                                SupervisorOptions.FLINK_REST_URL.key() + "=" + state.restUrl(),
                                SupervisorOptions.JOB_JAR.key() + "=" + supervision.jobJar(),
                                SupervisorOptions.TOKENS_FILE.key() + "=" + tokensFile,
                                SupervisorOptions.WORK_DIR.key() + "=" + dir,
                                SupervisorOptions.KAFKA_BOOTSTRAP_SERVERS.key()
                                        + "="
                                        + settings.kafkaBootstrapServers()));
        if (supervision.kafkaProperties() != null) {
            args.add(
                    SupervisorOptions.KAFKA_PROPERTIES.key() + "=" + supervision.kafkaProperties());
        }
        if (Files.isDirectory(state.kafkaClientsDir())) {
            // Each owner's host jobs log in to the cluster's Kafka as that owner.
            args.add(
                    SupervisorOptions.HOST_JOB_KAFKA_PROPERTIES_DIR.key()
                            + "="
                            + state.kafkaClientsDir());
        }
        if (!supervision.hostJobArgs().isEmpty()) {
            args.add(
                    SupervisorOptions.HOST_JOB_ARGS.key()
                            + "="
                            + String.join(";", supervision.hostJobArgs()));
        }
        return args;
    }

    private static ClusterState launchFlink(
            ClusterState state,
            ClusterStateFile stateFile,
            StartupWatch watch,
            String name,
            ProcessRole role,
            Path dir,
            FlinkMemory.Params memory,
            String mainClass,
            ClusterSettings settings)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("--configDir", dir.toString()));
        args.addAll(memory.dynamicOptions());
        return launch(
                state,
                stateFile,
                watch,
                name,
                role,
                dir,
                memory.jvmOptions(),
                mainClass,
                args,
                settings);
    }

    /**
     * The TaskManagers of all sites share this machine's cores: each model run may use its share
     * (read by the jobs' ONNX models as {@value #ONNX_THREADS_PROPERTY}), instead of ONNX Runtime's
     * thread per core in every TaskManager, which oversubscribes the cores and spins.
     */
    static int modelThreads(ClusterSettings settings) {
        int taskManagers = Math.max(1, computeSites(settings.topology().sites()).size());
        return Math.max(1, Runtime.getRuntime().availableProcessors() / taskManagers);
    }

    /**
     * Where this JVM finds models, passed on to the Flink processes: a job rebuilt from lineage in
     * the JobManager — a supervisor's host job, run through Flink's REST API — resolves its model
     * files there, and a Flink process's working directory is its own directory of the cluster, not
     * the checkout's {@code work/assets} that a relative default would name.
     */
    static List<String> modelLocations(UnaryOperator<String> properties) {
        List<String> options = new ArrayList<>();
        for (String property : MODEL_LOCATION_PROPERTIES) {
            String value = properties.apply(property);
            if (value != null && !value.isBlank()) {
                options.add("-D" + property + "=" + Path.of(value).toAbsolutePath().normalize());
            }
        }
        return options;
    }

    private static ClusterState launch(
            ClusterState state,
            ClusterStateFile stateFile,
            StartupWatch watch,
            String name,
            ProcessRole role,
            Path dir,
            List<String> jvmOptions,
            String mainClass,
            List<String> args,
            ClusterSettings settings)
            throws IOException {
        Path logFile = dir.resolve(name + ".log");
        Path log4j = dir.resolve("log4j.properties");
        Log4jConfig.write(log4j, logFile);
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(JavaCommand.OFFLINE_OPTIONS);
        if (role == ProcessRole.TASKMANAGER) {
            options.add("-D" + ONNX_THREADS_PROPERTY + "=" + modelThreads(settings));
        }
        if (role == ProcessRole.JOBMANAGER || role == ProcessRole.TASKMANAGER) {
            options.addAll(modelLocations(System::getProperty));
        }
        options.addAll(Log4jConfig.jvmOptions(log4j, logFile));
        ChildLauncher.Launched launched =
                ChildLauncher.start(
                        name,
                        role,
                        dir,
                        logFile,
                        new JavaCommand(
                                role == ProcessRole.JOBMANAGER || role == ProcessRole.TASKMANAGER
                                        ? settings.flinkClasspath()
                                        : settings.classpath(),
                                options,
                                mainClass,
                                args));
        watch.watch(launched);
        ClusterState next = state.withProcess(launched.child());
        stateFile.write(next);
        return next;
    }

    private static void formatKafka(
            ClusterSettings settings, Path kafkaDir, BrokerSecurity security)
            throws IOException, InterruptedException {
        Path serverProperties = KafkaBrokerConfig.write(settings.ports(), kafkaDir, security);
        if (KafkaBrokerConfig.isFormatted(kafkaDir)) {
            return;
        }
        Path log4j = kafkaDir.resolve("log4j-format.properties");
        Path logFile = kafkaDir.resolve("format.log");
        Log4jConfig.write(log4j, logFile);
        Path out = ChildLauncher.outFile(kafkaDir, "format");
        List<String> options = new ArrayList<>(JavaCommand.SHORT_LIVED_JVM_OPTIONS);
        options.addAll(Log4jConfig.jvmOptions(log4j, logFile));
        Process format =
                new ProcessBuilder(
                                new JavaCommand(
                                                settings.classpath(),
                                                options,
                                                KafkaBrokerConfig.STORAGE_TOOL,
                                                KafkaBrokerConfig.formatArgs(serverProperties))
                                        .toList())
                        .directory(kafkaDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                        .start();
        if (!format.waitFor(FORMAT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            format.destroyForcibly();
            throw new ClusterStartException(
                    "formatting Kafka's storage did not finish within "
                            + FORMAT_TIMEOUT.toSeconds()
                            + " s; see "
                            + out);
        }
        if (format.exitValue() != 0) {
            throw new ClusterStartException(
                    "formatting Kafka's storage failed (exit code "
                            + format.exitValue()
                            + "); see "
                            + out);
        }
    }

    private static ClusterState initialState(
            ClusterSettings settings,
            List<Site> computeSites,
            Path tokensFile,
            Path clientDir,
            long startedMillis) {
        List<ClusterState.SiteState> sites = new ArrayList<>();
        for (Site site : settings.topology().sites()) {
            sites.add(
                    new ClusterState.SiteState(
                            site.id(),
                            site.tier(),
                            site.parent(),
                            site.slots(),
                            computeSites.contains(site) ? taskManagerId(site) : null));
        }
        String host = FlinkConfigs.HOST;
        return new ClusterState(
                settings.workDir(),
                settings.topologyFile().toAbsolutePath(),
                "http://" + host + ":" + settings.ports().rest(),
                "http://" + host + ":" + settings.ports().registry(),
                settings.kafkaBootstrapServers(),
                tokensFile,
                clientDir,
                settings.ports(),
                sites,
                List.of(),
                startedMillis);
    }

    /** The tokens in {@code file}, by owner; fresh ones for the demo owners when it is missing. */
    public static Map<String, String> tokens(Path file) throws IOException {
        if (!Files.exists(file)) {
            Map<String, String> generated = Tokens.generate(Tokens.DEMO_OWNERS);
            Tokens.writeFile(file, generated);
            return generated;
        }
        Map<String, String> byToken = SecretFiles.readProperties(file);
        Map<String, String> byOwner = new LinkedHashMap<>();
        byToken.keySet().stream()
                .sorted(Comparator.comparing(byToken::get))
                .forEach(token -> byOwner.put(byToken.get(token), token));
        return byOwner;
    }

    private static Path processDir(Path clusterDir, String name) throws IOException {
        return Files.createDirectories(clusterDir.resolve(name));
    }

    private static void refuseIfRunning(ClusterStateFile stateFile, Path workDir)
            throws IOException {
        Optional<ClusterState> previous = stateFile.read();
        if (previous.isEmpty()) {
            return;
        }
        for (ChildProcess process : previous.get().processes()) {
            if (process.handle().isPresent()) {
                throw new ClusterStartException(
                        "a cluster is already running from "
                                + workDir
                                + " ("
                                + process.displayName()
                                + ", pid "
                                + process.pid()
                                + "); stop it"
                                + " with 'flink-edge cluster stop --work-dir "
                                + workDir
                                + "'");
            }
        }
        LOG.info("Removing the state of a cluster that is no longer running: {}", stateFile.path());
        stateFile.delete();
    }

    private static void checkPortsFree(ClusterSettings settings) {
        for (Map.Entry<String, Integer> port : settings.ports().byOption().entrySet()) {
            boolean kafkaPort = port.getKey().startsWith("kafka");
            if (kafkaPort && !settings.embeddedKafka()) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(FlinkConfigs.HOST, port.getValue()));
            } catch (IOException e) {
                throw new ClusterStartException(
                        "port "
                                + port.getValue()
                                + " (--"
                                + port.getKey()
                                + "-port) is in use; stop whatever listens there or"
                                + " choose another port with --"
                                + port.getKey()
                                + "-port");
            }
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(FlinkConfigs.HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void stopQuietly(List<ChildProcess> processes) {
        try {
            ProcessStopper.stop(processes, STOP_GRACE_ON_FAILURE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String seconds(long t0) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9);
    }
}
