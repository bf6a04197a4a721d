package dev.flinkedge.scheduler.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.flinkedge.connectors.http.HttpJson;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Flink's REST API and the registry's health over HTTP: TaskManagers and jobs, jar upload and run,
 * job status and cancellation from the JobManager; health from the registry. The one client of
 * Flink's REST API of the local cluster's tools and the stream supervisor.
 *
 * <pre>{@code
 * ClusterRestClient rest = new ClusterRestClient(URI.create(state.restUrl()),
 *         URI.create(state.registryUrl()));
 * List<TaskManagerInfo> tms = rest.taskManagers();
 * }</pre>
 */
public final class ClusterRestClient {

    /** Upload of a job jar (over 100 MB with its native libraries) and a job main's run. */
    private static final Duration JAR_TIMEOUT = Duration.ofMinutes(2);

    private final HttpJson http = new HttpJson();
    private final URI flinkRest;
    private final URI registry;

    /**
     * @param flinkRest the JobManager's REST address, e.g. {@code http://localhost:8081}
     * @param registry the registry's address, e.g. {@code http://localhost:8090}
     */
    public ClusterRestClient(URI flinkRest, URI registry) {
        this.flinkRest = flinkRest;
        this.registry = registry;
    }

    /**
     * A client of the JobManager's REST API only, for tools that do not use the registry.
     *
     * @param flinkRest the JobManager's REST address, e.g. {@code http://localhost:8081}
     */
    public static ClusterRestClient ofFlink(URI flinkRest) {
        return new ClusterRestClient(flinkRest, null);
    }

    /** The registered TaskManagers, in the order the JobManager lists them. */
    public List<TaskManagerInfo> taskManagers() throws IOException, InterruptedException {
        JsonNode body = http.get(flinkRest.resolve("/taskmanagers"));
        List<TaskManagerInfo> result = new ArrayList<>();
        for (JsonNode tm : body.path("taskmanagers")) {
            Map<String, Double> resources = new LinkedHashMap<>();
            JsonNode extended = tm.path("totalResource").path("extendedResources");
            for (Iterator<String> names = extended.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                resources.put(name, extended.get(name).asDouble());
            }
            result.add(
                    new TaskManagerInfo(
                            tm.path("id").asText(),
                            tm.path("slotsNumber").asInt(),
                            tm.path("freeSlots").asInt(),
                            resources));
        }
        return result;
    }

    /**
     * The RPC address of each registered TaskManager by resource id, e.g. {@code
     * pekko.tcp://flink@localhost:40889/user/rpc/taskmanager_0}: a TaskManager started again under
     * the same id registers with a new one.
     */
    public Map<String, String> taskManagerAddresses() throws IOException, InterruptedException {
        Map<String, String> addresses = new LinkedHashMap<>();
        for (JsonNode tm : http.get(flinkRest.resolve("/taskmanagers")).path("taskmanagers")) {
            addresses.put(tm.path("id").asText(), tm.path("path").asText());
        }
        return addresses;
    }

    /** Every job the JobManager knows, running or finished. */
    public List<JobInfo> jobs() throws IOException, InterruptedException {
        JsonNode body = http.get(flinkRest.resolve("/jobs/overview"));
        List<JobInfo> result = new ArrayList<>();
        for (JsonNode job : body.path("jobs")) {
            result.add(
                    new JobInfo(
                            job.path("jid").asText(),
                            job.path("name").asText(),
                            job.path("state").asText()));
        }
        return result;
    }

    /**
     * Uploads a job jar to the JobManager ({@code POST /jars/upload}).
     *
     * @return the jar's id on the JobManager, for {@link #runJar}
     */
    public String uploadJar(Path jar) throws IOException, InterruptedException {
        JsonNode body =
                http.postFile(flinkRest.resolve("/jars/upload"), "jarfile", jar, JAR_TIMEOUT);
        String file = body.path("filename").asText();
        if (file.isEmpty()) {
            throw new IOException("Upload of " + jar + " answered no file name: " + body);
        }
        return Path.of(file).getFileName().toString();
    }

    /**
     * Runs the main of an uploaded jar in the JobManager ({@code POST /jars/<id>/run}), which
     * submits the job it builds under {@code jobId}.
     *
     * @param jarId the id {@link #uploadJar} returned
     * @param entryClass the main class
     * @param args the main's arguments
     * @param jobId the job id the job gets, or {@code null} for a fresh one
     * @return the submitted job's id
     * @throws UnknownJarException when the JobManager does not have the jar (any more)
     */
    public String runJar(String jarId, String entryClass, List<String> args, String jobId)
            throws IOException, InterruptedException {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("entryClass", entryClass);
        args.forEach(request.putArray("programArgsList")::add);
        if (jobId != null) {
            request.put("jobId", jobId);
        }
        URI uri =
                flinkRest.resolve(
                        "/jars/" + URLEncoder.encode(jarId, StandardCharsets.UTF_8) + "/run");
        try {
            return http.post(uri, request, JAR_TIMEOUT).path("jobid").asText();
        } catch (HttpJson.StatusException e) {
            if (e.body().contains("does not exist")) {
                throw new UnknownJarException(jarId, e);
            }
            throw e;
        }
    }

    /** Asks the JobManager to cancel a job ({@code PATCH /jobs/<id>?mode=cancel}). */
    public void cancel(String jobId) throws IOException, InterruptedException {
        http.patch(flinkRest.resolve("/jobs/" + jobPath(jobId) + "?mode=cancel"), 202);
    }

    /**
     * A job's status, e.g. {@code RUNNING} ({@code GET /jobs/<id>/status}).
     *
     * @return the status, empty when the JobManager does not know the job
     */
    public Optional<String> jobStatus(String jobId) throws IOException, InterruptedException {
        try {
            return Optional.of(
                    http.get(flinkRest.resolve("/jobs/" + jobPath(jobId) + "/status"))
                            .path("status")
                            .asText());
        } catch (HttpJson.StatusException e) {
            // Flink answers an unknown job id with 500 and FlinkJobNotFoundException, not 404.
            if (e.status() == 404 || e.body().contains("FlinkJobNotFoundException")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static String jobPath(String jobId) {
        return URLEncoder.encode(jobId, StandardCharsets.UTF_8);
    }

    /** The JobManager does not have the jar: it restarted, or another client deleted the jar. */
    public static final class UnknownJarException extends IOException {
        private static final long serialVersionUID = 1L;

        UnknownJarException(String jarId, Throwable cause) {
            super("The JobManager does not know jar " + jarId + "; upload it again", cause);
        }
    }

    /** Whether the JobManager's REST API answers. */
    public boolean flinkRestAnswers() throws InterruptedException {
        try {
            http.get(flinkRest.resolve("/config"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The current value of one metric of a TaskManager, e.g. {@code Status.JVM.CPU.Load}.
     *
     * @return the value, empty when the TaskManager does not report the metric (yet)
     * @throws IOException when the JobManager cannot be reached or answers with an error
     */
    public OptionalDouble taskManagerMetric(String taskManagerId, String metric)
            throws IOException, InterruptedException {
        String path =
                "/taskmanagers/"
                        + URLEncoder.encode(taskManagerId, StandardCharsets.UTF_8)
                        + "/metrics?get="
                        + URLEncoder.encode(metric, StandardCharsets.UTF_8);
        for (JsonNode m : http.get(flinkRest.resolve(path))) {
            if (metric.equals(m.path("id").asText()) && m.hasNonNull("value")) {
                try {
                    return OptionalDouble.of(Double.parseDouble(m.path("value").asText()));
                } catch (NumberFormatException e) {
                    throw new IOException(
                            "Metric "
                                    + metric
                                    + " of TaskManager "
                                    + taskManagerId
                                    + " is not a number: "
                                    + m.path("value").asText(),
                            e);
                }
            }
        }
        return OptionalDouble.empty();
    }

    /** The registry's health status, e.g. {@code UP}. */
    public String registryHealth() throws IOException, InterruptedException {
        if (registry == null) {
            throw new IllegalStateException("This client was made for Flink's REST API only");
        }
        return http.get(registry.resolve("/v1/health")).path("status").asText();
    }
}
