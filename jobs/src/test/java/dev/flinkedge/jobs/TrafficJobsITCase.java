package dev.flinkedge.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;

import dev.flinkedge.connectors.api.EdgeStreams;
import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.connectors.testutil.TestAssets;
import dev.flinkedge.jobs.testutil.TopicRecords;
import dev.flinkedge.jobs.traffic.DetectOperator;
import dev.flinkedge.jobs.traffic.ModelFiles;
import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.registry.model.ResultTopics;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.testutil.RegistryInstance;
import dev.flinkedge.registry.testutil.Wait;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The traffic jobs with the real models on synthetic cameras, on a MiniCluster, a real broker and a
 * real registry. x+a (detect + plates) runs throughout; x+b of another owner, the count job and the
 * area-traffic job join it and reuse its streams instead of detecting again.
 */
class TrafficJobsITCase {
    private static final Logger LOG = LoggerFactory.getLogger(TrafficJobsITCase.class);

    @Order(1)
    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @Order(2)
    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(6)
                            .build());

    private static final GeoPoint CAM1 = new GeoPoint(48.1370, 11.5750);
    private static final GeoPoint CAM2 = new GeoPoint(48.1390, 11.5800);

    /** Midway between the cameras: about 210 m from each. */
    private static final String AREAS = "west@48.137,11.575;centre@48.138,11.5775";

    private static final Duration WINDOW = Duration.ofSeconds(2);

    @TempDir static Path dir;

    private static RegistryInstance registry;
    private static TopicRecords results;
    private static Path catalog;

    @BeforeAll
    static void start() throws Exception {
        TestAssets.model(ModelFiles.defaultDetector());
        registry = RegistryInstance.start(KAFKA.bootstrapServers(), "_traffic");
        results = new TopicRecords(KafkaClientConfig.of(KAFKA.bootstrapServers()));
        catalog = dir.resolve("cameras.yaml");
        Files.writeString(
                catalog,
                String.format(
                        Locale.ROOT,
                        """
                cameras:
                  - id: cam-1
                    location: {lat: %s, lon: %s}
                    spec: {kind: SYNTHETIC, seed: 11, fps: 1, width: 1280, height: 720}
                  - id: cam-2
                    location: {lat: %s, lon: %s}
                    spec: {kind: SYNTHETIC, seed: 22, fps: 1, width: 1280, height: 720}
                """,
                        CAM1.lat(),
                        CAM1.lon(),
                        CAM2.lat(),
                        CAM2.lon()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (results != null) {
            results.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    /** Job arguments as a user passes them, parsed the way {@code main} parses them. */
    private static Configuration options(String owner, String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--owner",
                                owner,
                                "--registry.url",
                                registry.app().uri().toString(),
                                "--registry.token",
                                RegistryInstance.token(owner),
                                "--registry.topic",
                                "_traffic",
                                "--kafka.bootstrap-servers",
                                KAFKA.bootstrapServers(),
                                "--count.window",
                                WINDOW.toMillis() + " ms",
                                "--areas",
                                AREAS,
                                "--areas.radius",
                                "300",
                                "--delivery.radius",
                                "250"));
        if (owner.equals("alice")) {
            args.addAll(List.of("--cameras.catalog", catalog.toString()));
        }
        args.addAll(List.of(extra));
        return JobArguments.parse(args.toArray(String[]::new), TrafficJobOptions.all());
    }

    private static StreamExecutionEnvironment environment() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        return env;
    }

    /** Plans {@code job} as the launcher does; the caller checks the plan and executes it. */
    private static EdgeStreams plan(TrafficJob job, Configuration conf) throws Exception {
        EdgeStreams es = EdgeJobLauncher.plan(conf, environment());
        job.define(es, conf);
        EdgeJobLauncher.ensureResultTopics(job, conf);
        return es;
    }

    private static Set<String> operators(StreamGraph graph) {
        Set<String> names = new TreeSet<>();
        for (StreamNode n : graph.getStreamNodes()) {
            names.add(n.getOperatorName());
        }
        return names;
    }

    /**
     * One story, since the MiniCluster extension cancels every job after each test: x+a runs
     * throughout while x+b, the count and the area-traffic jobs join it.
     */
    @Test
    void jobsJoiningPlateRecognitionReuseItsStreams(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        JobClient xa =
                EdgeJobLauncher.submit(new PlateRecognitionJob(), options("alice"), environment());
        Wait.until(
                () -> results.of(ResultTopics.topicFor("alice", "plates")).size() >= 8,
                Duration.ofSeconds(120),
                "x+a's first plate readings");

        attributeRecognitionReusesTheDetector();
        countAndAreaTrafficAddUpOverTheSharedStreams();
        platesMatchTheScene();
        assertThat(restarts(cluster, xa)).isZero();
        xa.cancel().get();
    }

    @Test
    void withATopologyEachCamerasOperatorsJoinTheGroupOfTheEdgeSiteNearestIt() throws Exception {
        Path topology =
                Files.writeString(
                        dir.resolve("topology.yaml"),
                        String.format(
                                Locale.ROOT,
                                """
                sites:
                  - {id: cloud, tier: cloud, location: {lat: 48.20, lon: 11.60}, slots: 4, cpu: 4}
                  - {id: edge-1, tier: edge, parent: cloud, location: {lat: %s, lon: %s},
                     slots: 4, cpu: 2}
                  - {id: edge-2, tier: edge, parent: cloud, location: {lat: %s, lon: %s},
                     slots: 4, cpu: 2}
                """,
                                CAM1.lat(),
                                CAM1.lon() - 0.001,
                                CAM2.lat(),
                                CAM2.lon() + 0.001));
        // Its own detector threshold: a lineage no other test computes, so nothing is reused.
        Configuration conf =
                options(
                        "alice",
                        "--placement.topology",
                        topology.toString(),
                        "--detect.confidence",
                        "0.41",
                        "--streams.prefix",
                        "placed-");

        StreamGraph graph = plan(new PlateRecognitionJob(), conf).streamGraph("placed x+a");

        Map<String, Set<String>> groupsByOperator = new TreeMap<>();
        for (StreamNode n : graph.getStreamNodes()) {
            groupsByOperator
                    .computeIfAbsent(n.getOperatorName(), k -> new TreeSet<>())
                    .add(n.getSlotSharingGroup());
        }
        LOG.info("Placed x+a: {}", groupsByOperator);
        // One branch per camera site, each operator named after its site and in that site's group.
        assertThat(groupsByOperator)
                .containsKeys("detect@edge-1", "detect@edge-2", "plates@edge-1", "plates@edge-2");
        groupsByOperator.forEach(
                (operator, groups) ->
                        assertThat(groups)
                                .as(operator)
                                .containsExactly(
                                        "site-"
                                                + operator.replaceFirst(
                                                        "^.*@([a-z0-9-]+).*$", "$1")));

        Configuration unknown =
                options("alice", "--placement.topology", dir.resolve("missing.yaml").toString());
        assertThatThrownBy(() -> plan(new PlateRecognitionJob(), unknown))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--placement.topology: ")
                .hasMessageContaining("missing.yaml");
    }

    private static void attributeRecognitionReusesTheDetector() throws Exception {
        registry.client("alice").grant(new StreamRef("alice", "VideoStream"), "bob");
        registry.client("alice").grant(new StreamRef("alice", "VehicleStream"), "bob");
        Configuration bob = options("bob", "--cameras.stream", "alice/VideoStream");
        EdgeStreams xb = plan(new AttributeRecognitionJob(), bob);

        assertThat(xb.reusedStreams()).containsExactly(new StreamRef("alice", "VehicleStream"));
        Set<String> xbOperators = operators(xb.streamGraph("x+b"));
        assertThat(xbOperators)
                .as("x+b's job graph")
                .noneMatch(n -> n.equals("detect") || n.startsWith("cameras:"))
                .contains("attributes");
        long submitted = System.currentTimeMillis();
        JobClient xbJob = xb.execute("attribute-recognition");
        Wait.until(
                () -> results.of(ResultTopics.topicFor("bob", "attributes")).size() >= 6,
                Duration.ofSeconds(60),
                "x+b's attribute results");
        LOG.info(
                "x+b: first attributes {} ms after submission",
                System.currentTimeMillis() - submitted);
        xbJob.cancel().get();

        List<JsonNode> attributes = results.of(ResultTopics.topicFor("bob", "attributes"));
        int typed = 0;
        int sameType = 0;
        int sameColour = 0;
        for (JsonNode r : attributes) {
            JsonNode a = r.get("payload");
            assertThat(r.get("key").asText()).isIn("cam-1", "cam-2");
            assertThat(a.get("type").asText()).isIn(DetectOperator.VEHICLE_CLASSES);
            assertThat(a.get("colour").asText()).isNotBlank();
            JsonNode truth = a.get("truth");
            if (truth != null && !truth.isNull()) {
                typed++;
                sameType += truth.get("cls").asText().equals(a.get("type").asText()) ? 1 : 0;
                sameColour += truth.get("colour").asText().equals(a.get("colour").asText()) ? 1 : 0;
            }
        }
        LOG.info(
                "x+b: {} vehicles, {} in the ground truth: type right {}, colour right" + " {}",
                attributes.size(),
                typed,
                sameType,
                sameColour);
        assertThat(sameType)
                .as("types equal to the scene's, of " + typed)
                .isGreaterThanOrEqualTo(typed / 2);
        assertThat(sameColour)
                .as("colours equal to the scene's, of " + typed)
                .isGreaterThanOrEqualTo(typed / 2);
    }

    private static void countAndAreaTrafficAddUpOverTheSharedStreams() throws Exception {
        Configuration alice = options("alice");
        EdgeStreams count = plan(new VehicleCountJob(), alice);
        assertThat(count.reusedStreams()).containsExactly(new StreamRef("alice", "VehicleStream"));
        JobClient countJob = count.execute("vehicle-count");
        Wait.until(
                () -> !results.of(ResultTopics.topicFor("alice", "vehicle-counts")).isEmpty(),
                Duration.ofSeconds(60),
                "the first vehicle counts");

        EdgeStreams area = plan(new AreaTrafficJob(), alice);
        assertThat(area.reusedStreams())
                .containsExactlyInAnyOrder(
                        new StreamRef("alice", "VehicleStream"),
                        new StreamRef("alice", "PlateStream"),
                        new StreamRef("alice", "VehicleCountStream"));
        assertThat(operators(area.streamGraph("area-traffic")))
                .noneMatch(
                        n ->
                                n.equals("detect")
                                        || n.equals("plates")
                                        || n.equals("count")
                                        || n.startsWith("cameras:"))
                .contains("areas", "leftUnion", "sum", "deliver");
        JobClient areaJob = area.execute("area-traffic");
        Wait.until(
                () ->
                        windows(
                                                        results.of(
                                                                ResultTopics.topicFor(
                                                                        "alice", "area-traffic")),
                                                        "centre")
                                                .size()
                                        >= 4
                                && results.of(ResultTopics.topicFor("alice", "traffic-deliveries"))
                                                .size()
                                        >= 2,
                Duration.ofSeconds(90),
                "per-area traffic of four windows and deliveries");
        areaJob.cancel().get();
        List<JsonNode> perArea = results.of(ResultTopics.topicFor("alice", "area-traffic"));
        // The count job's results topic may lag the shared stream the area job read.
        Set<String> summed = new TreeSet<>();
        for (JsonNode r : perArea) {
            for (JsonNode cam : r.at("/payload/cameras")) {
                summed.add(cam.asText() + "@" + r.at("/payload/windowStartMs").asLong());
            }
        }
        Wait.until(
                () ->
                        countKeys(results.of(ResultTopics.topicFor("alice", "vehicle-counts")))
                                .containsAll(summed),
                Duration.ofSeconds(30),
                "the counts the area traffic summed");
        countJob.cancel().get();

        // Counts: one per camera and window, sightings add up by type.
        Map<String, JsonNode> counts = new HashMap<>();
        for (JsonNode r : results.of(ResultTopics.topicFor("alice", "vehicle-counts"))) {
            JsonNode c = r.get("payload");
            assertThat(c.get("windowEndMs").asLong() - c.get("windowStartMs").asLong())
                    .isEqualTo(WINDOW.toMillis());
            int byType = 0;
            for (JsonNode t : c.get("byType")) {
                byType += t.get("vehicles").asInt();
            }
            assertThat(byType).isEqualTo(c.get("vehicles").asInt());
            assertThat(counts.put(r.get("key").asText() + "@" + c.get("windowStartMs").asLong(), c))
                    .as("one count per camera and window")
                    .isNull();
        }

        // Per area: after an area's first window, the sum of its cameras' counts.
        Map<String, List<String>> cameras =
                Map.of("west", List.of("cam-1"), "centre", List.of("cam-1", "cam-2"));
        Map<String, JsonNode> traffic = new HashMap<>();
        int checked = 0;
        for (String a : cameras.keySet()) {
            TreeSet<Long> seen = windows(perArea, a);
            for (JsonNode r : perArea) {
                JsonNode t = r.get("payload");
                long start = t.get("windowStartMs").asLong();
                if (!t.get("area").asText().equals(a)) {
                    continue;
                }
                traffic.put(a + "@" + start, t);
                if (start == seen.first()) {
                    continue;
                }
                // A camera that delivered no frame in the window (frames are dropped under
                // load) has no count there and is not summed.
                List<String> counted = new ArrayList<>();
                int frames = 0;
                int vehicles = 0;
                for (String cam : cameras.get(a)) {
                    JsonNode c = counts.get(cam + "@" + start);
                    if (c != null) {
                        counted.add(cam);
                        frames += c.get("frames").asInt();
                        vehicles += c.get("vehicles").asInt();
                    }
                }
                assertThat(t.get("cameras"))
                        .extracting(JsonNode::asText)
                        .containsExactlyElementsOf(counted);
                assertThat(t.get("frames").asInt()).isEqualTo(frames);
                assertThat(t.get("vehicles").asInt()).isEqualTo(vehicles);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(4);

        // Deliveries: the area's traffic, to plates read near it.
        Map<String, Set<String>> platesSeenAt = new HashMap<>();
        for (JsonNode r : results.of(ResultTopics.topicFor("alice", "plates"))) {
            platesSeenAt
                    .computeIfAbsent(r.get("key").asText(), k -> new HashSet<>())
                    .add(r.get("sourceId").asText());
        }
        List<JsonNode> deliveries =
                results.of(ResultTopics.topicFor("alice", "traffic-deliveries"));
        for (JsonNode r : deliveries) {
            JsonNode m = r.get("payload");
            String vehicle = m.get("vehicle").asText();
            assertThat(r.get("key").asText()).isEqualTo(vehicle);
            assertThat(platesSeenAt).containsKey(vehicle);
            JsonNode t =
                    traffic.get(m.get("area").asText() + "@" + m.get("windowStartMs").asLong());
            assertThat(t).as("the area traffic delivered").isNotNull();
            assertThat(m.get("vehicles").asInt()).isEqualTo(t.get("vehicles").asInt());
            if (m.get("area").asText().equals("west")) {
                assertThat(platesSeenAt.get(vehicle))
                        .as("west is 420 m from cam-2")
                        .contains("cam-1");
            }
        }
        LOG.info(
                "area traffic: {} counts, {} per-area results ({} checked against the"
                        + " counts), {} deliveries to {} vehicles",
                counts.size(),
                perArea.size(),
                checked,
                deliveries.size(),
                deliveries.stream().map(d -> d.get("key").asText()).distinct().count());
    }

    private static void platesMatchTheScene() {
        List<JsonNode> plates = results.of(ResultTopics.topicFor("alice", "plates"));
        int withTruth = 0;
        int exact = 0;
        for (JsonNode r : plates) {
            JsonNode p = r.get("payload");
            assertThat(r.get("key").asText())
                    .isEqualTo(p.get("plate").asText())
                    .matches("[A-Z0-9]+");
            assertThat(r.get("sourceId").asText()).isIn("cam-1", "cam-2");
            assertThat(r.get("stages").fieldNames())
                    .toIterable()
                    .contains("capture", "detect", "plates");
            assertThat(p.get("vehicleType").asText()).isIn("car", "bus", "truck", "motorcycle");
            JsonNode truth = p.get("truth");
            if (truth != null && !truth.isNull() && truth.hasNonNull("plate")) {
                withTruth++;
                if (truth.get("plate").asText().replace(" ", "").equals(p.get("plate").asText())) {
                    exact++;
                }
            }
        }
        LOG.info(
                "x+a: {} plate readings, {} of vehicles in the ground truth, {} read"
                        + " exactly ({}%)",
                plates.size(),
                withTruth,
                exact,
                Math.round(100.0 * exact / Math.max(1, withTruth)));
        assertThat(withTruth)
                .as("readings matched to a scene vehicle")
                .isGreaterThanOrEqualTo(plates.size() * 8 / 10);
        assertThat(exact)
                .as("plates read exactly, of " + withTruth)
                .isGreaterThanOrEqualTo(withTruth * 6 / 10);
    }

    /** {@code camera@windowStart} of each count. */
    private static Set<String> countKeys(List<JsonNode> counts) {
        Set<String> out = new TreeSet<>();
        counts.forEach(
                r ->
                        out.add(
                                r.get("key").asText()
                                        + "@"
                                        + r.at("/payload/windowStartMs").asLong()));
        return out;
    }

    /** Window starts of {@code records}, of area {@code area} (any when null). */
    private static TreeSet<Long> windows(List<JsonNode> records, String area) {
        TreeSet<Long> out = new TreeSet<>();
        for (JsonNode r : records) {
            if (area == null || area.equals(r.at("/payload/area").asText())) {
                out.add(r.at("/payload/windowStartMs").asLong());
            }
        }
        return out;
    }

    private static int restarts(MiniCluster cluster, JobClient job) throws Exception {
        int max = 0;
        for (AccessExecutionVertex v :
                cluster.getExecutionGraph(job.getJobID()).get().getAllExecutionVertices()) {
            max = Math.max(max, v.getCurrentExecutionAttempt().getAttemptNumber());
        }
        return max;
    }
}
