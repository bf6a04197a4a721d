package dev.flinkedge.scheduler.pinning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;

import dev.flinkedge.connectors.api.EdgeStream;
import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.api.SharedChannel;
import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.source.generated.GeneratedCameras;
import dev.flinkedge.connectors.testutil.Tagged;
import dev.flinkedge.connectors.testutil.TaggingOperator;
import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.registry.model.SourceSpec;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.testutil.RegistryInstance;
import dev.flinkedge.registry.testutil.Wait;
import dev.flinkedge.scheduler.cluster.InJvmEdgeCluster;
import dev.flinkedge.scheduler.placement.PlacementPlan;
import dev.flinkedge.scheduler.plan.TestCountsJob;
import dev.flinkedge.scheduler.topology.Topology;
import dev.flinkedge.scheduler.topology.TopologyLoader;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.runtime.jobmanager.scheduler.NoResourceAvailableException;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * EdgeStreams jobs placed by {@link TopologyPlacement} on the local edge cluster in one JVM — a
 * JobManager and one TaskManager per site (cloud 4 slots, edge-1 and edge-2 2 slots each), each
 * declaring its site as an external resource — checked through Flink's REST API.
 */
class SitePinningITCase {

    @Order(1)
    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final Path TOPOLOGY_FILE = Path.of("src/test/resources/topology-cameras.yaml");
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @TempDir static Path dir;

    private static Topology topology;
    private static InJvmEdgeCluster cluster;
    private static RegistryInstance registry;

    @BeforeAll
    static void startCluster() throws Exception {
        topology = TopologyLoader.load(TOPOLOGY_FILE);
        long start = System.nanoTime();
        cluster = InJvmEdgeCluster.start(topology, dir, Map.of());
        System.out.printf(
                "in-JVM edge cluster (3 TaskManagers) up in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        registry = RegistryInstance.start(KAFKA.bootstrapServers(), "_pinning");
        registry.client("alice")
                .create(
                        StreamSpec.builder("Video", StreamType.RAW)
                                .source(SourceSpec.devices(List.of("cam-1", "cam-2", "cam-3")))
                                .build());
        registry.client("alice")
                .create(
                        StreamSpec.builder("West", StreamType.RAW)
                                .source(SourceSpec.devices(List.of("cam-1", "cam-2")))
                                .build());
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (registry != null) {
            registry.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static EdgeStreams job(int parallelism) {
        StreamExecutionEnvironment env = cluster.environment();
        env.setParallelism(parallelism);
        env.setBufferTimeout(0);
        SharedChannel channel =
                SharedChannel.of(
                                KAFKA.bootstrapServers(),
                                registry.app().uri().toString(),
                                RegistryInstance.token("alice"))
                        .withRegistryTopic("_pinning");
        return EdgeStreams.on(env, registry.client("alice"), "alice")
                .withChannel(channel)
                .withRawSources(new GeneratedCameras(2))
                .withPlacement(TopologyPlacement.of(topology));
    }

    @Test
    void runsEverySubtaskAtItsPlannedSite() throws Exception {
        EdgeStreams es = job(1);
        TopologyPlacement placement = TopologyPlacement.of(topology);
        new TestCountsJob().define(es, new Configuration());
        PlacementPlan plan = placement.plan(es);
        Map<String, String> siteByVertex = new HashMap<>();
        for (JobVertex vertex : es.streamGraph("pinned").getJobGraph().getVertices()) {
            siteByVertex.put(vertex.getID().toString(), onlySite(vertex));
        }

        JobClient job = es.execute("pinned");
        try {
            List<JsonNode> vertices = awaitAllRunning(job);
            System.out.println("plan: " + plan.placement());
            Map<String, String> tmByVertexName = new HashMap<>();
            for (JsonNode vertex : vertices) {
                String site = siteByVertex.get(vertex.path("id").asText());
                assertThat(site).as("site asked for by %s", vertex.path("name")).isNotNull();
                for (String tm : taskManagers(job, vertex)) {
                    assertThat(tm).as(vertex.path("name").asText()).isEqualTo(site + "-tm-0");
                    tmByVertexName.put(vertex.path("name").asText(), tm);
                }
            }
            System.out.println("vertices: " + tmByVertexName);

            assertThat(plan.placement())
                    .containsEntry("alice/Video@edge-1", "edge-1")
                    .containsEntry("alice/Video@edge-2", "edge-2")
                    .containsEntry("alice/Cars@edge-1", "edge-1")
                    .containsEntry("alice/Cars@edge-2", "edge-2")
                    .containsEntry("alice/Counts", "cloud")
                    .containsEntry("sink:alice/Counts", "cloud")
                    .containsEntry("sink:alice/Cars@edge-2", "edge-2");
            assertThat(tmByVertexName).hasSize(siteByVertex.size());
            assertThat(tmOf(tmByVertexName, "detect@edge-1")).isEqualTo("edge-1-tm-0");
            assertThat(tmOf(tmByVertexName, "detect@edge-2")).isEqualTo("edge-2-tm-0");
            assertThat(tmOf(tmByVertexName, "cameras:alice/Video@edge-2")).isEqualTo("edge-2-tm-0");
            assertThat(tmOf(tmByVertexName, "count")).isEqualTo("cloud-tm-0");
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void refusesAJobThatNeedsMoreSlotsThanItsSiteHasBeforeSubmitting() {
        EdgeStreams es = job(3);
        es.derive("WestCars", new TaggingOperator("detect-west"), es.importStream("West"))
                .sinkTo(new DiscardingSink<>());

        assertThatThrownBy(() -> es.execute("too-wide"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Job 'too-wide' does not fit its sites")
                .hasMessageContaining("edge-1 needs 3 slots")
                .hasMessageContaining("but has 2")
                .hasMessageContaining("never moved to another site");
    }

    @Test
    void refusesAnOperatorAddedOutsideEdgeStreamsThatReadsFromSeveralSites() {
        EdgeStreams es = job(1);
        EdgeStream<EdgeRecord<Tagged>> cars =
                es.derive("AllCars", new TaggingOperator("detect-all"), es.importStream("Video"));
        cars.dataStream().map(r -> r.key()).name("keys").sinkTo(new DiscardingSink<>());

        assertThatThrownBy(() -> es.streamGraph("mixed"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "Operators ['Sink: Writer' (group 'default'), 'keys'"
                                + " (group 'default')] of job 'mixed' have no site")
                .hasMessageContaining("Build them through EdgeStreams");
    }

    @Test
    void failsAJobWhoseSiteIsFullInsteadOfRunningItElsewhere() throws Exception {
        awaitFreeSlots("edge-1-tm-0", 2);
        EdgeStreams wide = job(2);
        wide.derive("WestCars2", new TaggingOperator("detect-2"), wide.importStream("West"))
                .sinkTo(new DiscardingSink<>());
        JobClient first = wide.execute("fills-edge-1");
        try {
            awaitAllRunning(first);
            EdgeStreams late = job(1);
            late.derive("WestColours", new TaggingOperator("colour"), late.importStream("West"))
                    .sinkTo(new DiscardingSink<>());
            long submitted = System.nanoTime();
            JobClient second = late.execute("no-room-at-edge-1");

            ExecutionException failure =
                    org.junit.jupiter.api.Assertions.assertThrows(
                            ExecutionException.class,
                            () ->
                                    second.getJobExecutionResult()
                                            .get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
            System.out.printf(
                    "job without room at its site failed after %d ms: %s%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - submitted),
                    ExceptionUtils.findThrowable(failure, NoResourceAvailableException.class)
                            .map(Throwable::getMessage)
                            .orElse("?"));
            assertThat(ExceptionUtils.findThrowable(failure, NoResourceAvailableException.class))
                    .isPresent();
            for (JsonNode vertex : cluster.rest("/jobs/" + second.getJobID()).path("vertices")) {
                assertThat(taskManagers(second, vertex))
                        .as(vertex.path("name").asText())
                        .containsOnly("(unassigned)");
            }
        } finally {
            first.cancel().get();
        }
    }

    private static String onlySite(JobVertex vertex) {
        Map<String, ?> sites =
                vertex.getSlotSharingGroup().getResourceProfile().getExtendedResources();
        assertThat(sites).as("external resources of %s", vertex.getName()).hasSize(1);
        return sites.keySet().iterator().next();
    }

    private static String tmOf(Map<String, String> tmByVertexName, String operator) {
        List<String> tms =
                tmByVertexName.entrySet().stream()
                        .filter(
                                e ->
                                        List.of(e.getKey().split(" -> |: |\\(|\\)|, "))
                                                .contains(operator))
                        .map(Map.Entry::getValue)
                        .distinct()
                        .toList();
        assertThat(tms)
                .as("TaskManager of '%s' in %s", operator, tmByVertexName.keySet())
                .hasSize(1);
        return tms.get(0);
    }

    /** Waits until every subtask of the job runs; returns the job's vertices. */
    private static List<JsonNode> awaitAllRunning(JobClient job) {
        List<JsonNode> vertices = new ArrayList<>();
        Wait.until(
                () -> {
                    vertices.clear();
                    JsonNode details = restOrNull("/jobs/" + job.getJobID());
                    if (details == null || !details.path("state").asText().equals("RUNNING")) {
                        return false;
                    }
                    details.path("vertices").forEach(vertices::add);
                    return vertices.stream()
                            .allMatch(v -> v.path("status").asText().equals("RUNNING"));
                },
                DEADLINE,
                "every subtask of " + job.getJobID() + " running");
        return vertices;
    }

    private static void awaitFreeSlots(String taskManager, int slots) {
        Wait.until(
                () -> {
                    JsonNode tms = restOrNull("/taskmanagers");
                    if (tms == null) {
                        return false;
                    }
                    for (JsonNode tm : tms.path("taskmanagers")) {
                        if (tm.path("id").asText().equals(taskManager)) {
                            return tm.path("freeSlots").asInt() >= slots;
                        }
                    }
                    return false;
                },
                DEADLINE,
                slots + " free slots on " + taskManager);
    }

    private static List<String> taskManagers(JobClient job, JsonNode vertex)
            throws IOException, InterruptedException {
        List<String> tms = new ArrayList<>();
        cluster.rest("/jobs/" + job.getJobID() + "/vertices/" + vertex.path("id").asText())
                .path("subtasks")
                .forEach(s -> tms.add(s.path("taskmanager-id").asText()));
        return tms;
    }

    private static JsonNode restOrNull(String path) {
        try {
            return cluster.rest(path);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
