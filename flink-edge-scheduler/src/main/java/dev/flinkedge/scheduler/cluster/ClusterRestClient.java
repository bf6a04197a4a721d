package dev.flinkedge.scheduler.cluster;

import com.fasterxml.jackson.databind.JsonNode;

import dev.flinkedge.connectors.http.HttpJson;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads the local edge cluster's state over HTTP: TaskManagers and jobs from the JobManager's REST
 * API, health from the registry.
 *
 * <pre>{@code
 * ClusterRestClient rest = new ClusterRestClient(URI.create(state.restUrl()),
 *         URI.create(state.registryUrl()));
 * List<TaskManagerInfo> tms = rest.taskManagers();
 * }</pre>
 */
public final class ClusterRestClient {

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
