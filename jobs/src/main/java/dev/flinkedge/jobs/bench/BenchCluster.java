package dev.flinkedge.jobs.bench;

import com.fasterxml.jackson.databind.JsonNode;

import dev.flinkedge.connectors.http.HttpJson;
import dev.flinkedge.connectors.runtime.MapOperatorFunction;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.streaming.api.environment.RemoteStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The Flink cluster a benchmark submits to, reached through its REST endpoint exactly as {@code
 * flink run} would, plus a CPU meter for the processes that run it.
 */
public final class BenchCluster {

    private static final Set<String> TERMINAL = Set.of("CANCELED", "FINISHED", "FAILED");

    private final String host;
    private final int restPort;
    private final LongSupplier cpuNanos;
    private final String[] jars;
    private final HttpJson http = new HttpJson();

    /**
     * @param host REST host of the JobManager
     * @param restPort its REST port
     * @param cpuNanos CPU time used so far by the cluster's processes, in nanoseconds
     */
    public BenchCluster(String host, int restPort, LongSupplier cpuNanos) {
        this(host, restPort, cpuNanos, List.of());
    }

    /**
     * @param host REST host of the JobManager
     * @param restPort its REST port
     * @param cpuNanos CPU time used so far by the cluster's processes, in nanoseconds
     * @param jars job jars shipped with every job (the cluster lacks the jobs' classes)
     */
    public BenchCluster(String host, int restPort, LongSupplier cpuNanos, List<Path> jars) {
        this.host = host;
        this.restPort = restPort;
        this.cpuNanos = cpuNanos;
        this.jars = jars.stream().map(p -> p.toAbsolutePath().toString()).toArray(String[]::new);
    }

    /**
     * A new environment submitting to this cluster, with low-latency exchanges.
     *
     * @param savepoint a savepoint to start from (state of removed operators is skipped), or null
     */
    public StreamExecutionEnvironment newEnvironment(String savepoint) {
        Configuration conf = new Configuration();
        conf.set(RestOptions.ADDRESS, host);
        conf.set(RestOptions.PORT, restPort);
        StreamExecutionEnvironment env =
                new RemoteStreamEnvironment(
                        host,
                        restPort,
                        conf,
                        jars,
                        null,
                        savepoint == null
                                ? SavepointRestoreSettings.none()
                                : SavepointRestoreSettings.forPath(savepoint, true));
        env.setParallelism(1);
        env.setBufferTimeout(0);
        return env;
    }

    /** CPU time used by the cluster so far, in seconds. */
    public double cpuSeconds() {
        return cpuNanos.getAsLong() / 1e9;
    }

    /**
     * How often operators named {@code operator} ran in job {@code jobId}, summed over subtasks:
     * the accumulator every map operator keeps. Waits (up to a minute) for the job to reach a
     * terminal state, so call it after stopping the job; then the count is final.
     */
    public long invocations(String jobId, String operator) throws InterruptedException {
        String name = MapOperatorFunction.accumulatorName(operator);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        try {
            while (!TERMINAL.contains(get("/jobs/" + jobId).path("state").asText())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "job "
                                    + jobId
                                    + " did not end within a"
                                    + " minute; cannot read its final invocation count");
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
            for (JsonNode acc :
                    get("/jobs/" + jobId + "/accumulators").path("user-task-accumulators")) {
                if (name.equals(acc.path("name").asText())) {
                    return Long.parseLong(acc.path("value").asText());
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the accumulators of job "
                            + jobId
                            + " from the Flink REST API at "
                            + host
                            + ":"
                            + restPort,
                    e);
        }
    }

    /**
     * Where the job's operators run: each job vertex (chained operators, named as in the web UI)
     * with the TaskManager resource ids of its subtasks.
     */
    public Map<String, List<String>> placement(String jobId) throws InterruptedException {
        Map<String, List<String>> placement = new LinkedHashMap<>();
        try {
            for (JsonNode vertex : get("/jobs/" + jobId).path("vertices")) {
                List<String> taskManagers = new ArrayList<>();
                for (JsonNode subtask :
                        get("/jobs/" + jobId + "/vertices/" + vertex.path("id").asText())
                                .path("subtasks")) {
                    taskManagers.add(subtask.path("taskmanager-id").asText());
                }
                placement.put(vertex.path("name").asText(), taskManagers);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the vertices of job "
                            + jobId
                            + " from the Flink REST API at "
                            + host
                            + ":"
                            + restPort,
                    e);
        }
        return placement;
    }

    /** The job's state as the REST API names it, e.g. {@code RUNNING}. */
    public String state(String jobId) throws InterruptedException {
        try {
            return get("/jobs/" + jobId).path("state").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the state of job "
                            + jobId
                            + " from the Flink REST API at "
                            + host
                            + ":"
                            + restPort,
                    e);
        }
    }

    /** Cancels the job; returns without waiting for it to end. */
    public void cancel(String jobId) throws InterruptedException {
        try {
            http.patch(uri("/jobs/" + jobId + "?mode=cancel"), 202);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot cancel job "
                            + jobId
                            + " through the"
                            + " Flink REST API at "
                            + host
                            + ":"
                            + restPort,
                    e);
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return http.get(uri(path));
    }

    private URI uri(String path) {
        return URI.create("http://" + host + ":" + restPort + path);
    }

    /** The job's {@code numRestarts} metric, or 0 when it cannot be read. */
    public int restarts(String jobId) {
        try {
            for (JsonNode metric : get("/jobs/" + jobId + "/metrics?get=numRestarts")) {
                return metric.path("value").asInt();
            }
            return 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
