package dev.flinkedge.scheduler.cluster;

import com.fasterxml.jackson.databind.JsonNode;

import dev.flinkedge.connectors.http.HttpJson;
import dev.flinkedge.registry.testutil.Wait;
import dev.flinkedge.scheduler.topology.Site;
import dev.flinkedge.scheduler.topology.Topology;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.core.plugin.PluginUtils;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint;
import org.apache.flink.runtime.taskexecutor.TaskManagerRunner;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local edge cluster in one JVM, for tests: a {@code StandaloneSessionClusterEntrypoint} and
 * one {@code TaskManagerRunner} per site with slots, each started from the very {@code config.yaml}
 * that {@code flink-edge cluster start} writes for its process (so every TaskManager declares its
 * site as an external resource). {@code MiniCluster} cannot do this: its TaskManagers share one
 * configuration.
 *
 * <pre>{@code
 * try (InJvmEdgeCluster cluster = InJvmEdgeCluster.start(topology, dir)) {
 *     StreamExecutionEnvironment env = cluster.environment();
 *     ...
 *     JsonNode vertex = cluster.rest("/jobs/" + id + "/vertices/" + vid);
 * }
 * }</pre>
 */
public final class InJvmEdgeCluster implements AutoCloseable {

    /**
     * As {@code cluster start}'s default (≈288 MB task heap per TaskManager); accounting only, as
     * all TaskManagers share the test JVM's memory.
     */
    private static final String TASK_MANAGER_MEMORY = "1536m";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final StandaloneSessionClusterEntrypoint jobManager;
    private final List<TaskManagerRunner> taskManagers;
    private final URI restUrl;
    private final HttpJson http = new HttpJson();

    private InJvmEdgeCluster(
            StandaloneSessionClusterEntrypoint jobManager,
            List<TaskManagerRunner> taskManagers,
            URI restUrl) {
        this.jobManager = jobManager;
        this.taskManagers = taskManagers;
        this.restUrl = restUrl;
    }

    /**
     * Starts the JobManager and a TaskManager {@code <site>-tm-0} per site with slots, and waits
     * until all have registered.
     *
     * @param overrides options set on every process on top of the cluster's own, e.g. a shorter
     *     {@code slot.request.timeout}
     */
    public static InJvmEdgeCluster start(Topology topology, Path dir, Map<String, String> overrides)
            throws Exception {
        int[] ports = freePorts(5);
        ClusterSettings settings =
                new ClusterSettings(
                        topology,
                        dir.resolve("topology.yaml"),
                        dir,
                        "localhost:" + ports[0],
                        new ClusterPorts(ports[0], ports[1], ports[2], ports[3], ports[4]),
                        "",
                        "1024m",
                        TASK_MANAGER_MEMORY,
                        START_TIMEOUT);
        Path jmDir = Files.createDirectories(settings.clusterDir().resolve("jm"));
        FlinkConfigs.writeJobManager(settings, jmDir);
        Configuration jmConf = load(jmDir, overrides);
        StandaloneSessionClusterEntrypoint jobManager =
                new StandaloneSessionClusterEntrypoint(jmConf);
        jobManager.startCluster();
        List<TaskManagerRunner> runners = new ArrayList<>();
        InJvmEdgeCluster cluster =
                new InJvmEdgeCluster(
                        jobManager, runners, URI.create("http://localhost:" + ports[3]));
        try {
            List<Site> sites = LocalEdgeCluster.computeSites(topology.sites());
            for (Site site : sites) {
                String id = LocalEdgeCluster.taskManagerId(site);
                Path tmDir = Files.createDirectories(settings.clusterDir().resolve(id));
                FlinkConfigs.writeTaskManager(settings, site, id, tmDir);
                Configuration tmConf = withResolvedMemory(load(tmDir, overrides));
                TaskManagerRunner runner =
                        new TaskManagerRunner(
                                tmConf,
                                PluginUtils.createPluginManagerFromRootFolder(tmConf),
                                TaskManagerRunner::createTaskExecutorService);
                runner.start();
                runners.add(runner);
            }
            Wait.until(
                    () -> cluster.registeredTaskManagers() == sites.size(),
                    START_TIMEOUT,
                    sites.size() + " TaskManagers registered");
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    private static Configuration load(Path dir, Map<String, String> overrides) {
        Configuration conf = GlobalConfiguration.loadConfiguration(dir.toString());
        overrides.forEach(conf::setString);
        return conf;
    }

    /** What flink-dist's scripts get from BashJavaUtils, computed in this JVM. */
    private static Configuration withResolvedMemory(Configuration conf) {
        TaskExecutorProcessSpec spec = TaskExecutorProcessUtils.processSpecFromConfig(conf);
        String[] words =
                TaskExecutorProcessUtils.generateDynamicConfigsStr(spec).trim().split("\\s+");
        for (int i = 0; i + 1 < words.length; i += 2) {
            String[] kv = words[i + 1].split("=", 2);
            conf.setString(kv[0], kv[1]);
        }
        return conf;
    }

    /** {@code n} distinct TCP ports that were free a moment ago. */
    public static int[] freePorts(int n) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    /** The JobManager's REST address. */
    public URI restUrl() {
        return restUrl;
    }

    /** An environment that submits jobs to this cluster (the test's classpath is the job's). */
    public StreamExecutionEnvironment environment() {
        return StreamExecutionEnvironment.createRemoteEnvironment(
                restUrl.getHost(), restUrl.getPort());
    }

    private int registeredTaskManagers() {
        try {
            return rest("/taskmanagers").path("taskmanagers").size();
        } catch (IOException notYetUp) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for TaskManagers", e);
        }
    }

    /** GETs a path of the JobManager's REST API. */
    public JsonNode rest(String path) throws IOException, InterruptedException {
        return http.get(restUrl.resolve(path));
    }

    @Override
    public void close() throws Exception {
        Exception failure = null;
        for (TaskManagerRunner runner : taskManagers) {
            try {
                runner.close();
            } catch (Exception e) {
                failure = e;
            }
        }
        jobManager.closeAsync().get();
        if (failure != null) {
            throw failure;
        }
    }
}
