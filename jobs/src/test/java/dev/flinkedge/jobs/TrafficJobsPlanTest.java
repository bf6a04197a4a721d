package dev.flinkedge.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.flinkedge.jobs.cli.FlinkEdgeCli;
import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.registry.model.SourceSpec;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.testutil.RegistryInstance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code flink-edge plan} defines every traffic job by name (their {@code define} contacts only the
 * registry) and places its operators on a topology: per-camera work at the cameras' edge sites, the
 * area grouping where the inputs meet.
 */
class TrafficJobsPlanTest {

    @Order(1)
    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path dir;

    private static RegistryInstance registry;
    private static Path topology;

    @BeforeAll
    static void start() throws Exception {
        registry = RegistryInstance.start(KAFKA.bootstrapServers(), "_plan_traffic");
        registry.client("alice")
                .create(
                        StreamSpec.builder("VideoStream", StreamType.RAW)
                                .source(SourceSpec.devices(List.of("cam-1", "cam-2", "cam-3")))
                                .build());
        topology = dir.resolve("topology.yaml");
        Files.writeString(
                topology,
                """
                sites:
                  - {id: cloud, tier: cloud, location: {lat: 48.1374, lon: 11.5755}, slots: 4, cpu: 8}
                  - {id: edge-1, tier: edge, parent: cloud, location: {lat: 48.15, lon: 11.545}, slots: 2, cpu: 2}
                  - {id: edge-2, tier: edge, parent: cloud, location: {lat: 48.12, lon: 11.60}, slots: 2, cpu: 2}
                  - {id: cam-1, tier: device, parent: edge-1, location: {lat: 48.151, lon: 11.544}}
                  - {id: cam-2, tier: device, parent: edge-1, location: {lat: 48.149, lon: 11.547}}
                  - {id: cam-3, tier: device, parent: edge-2, location: {lat: 48.121, lon: 11.601}}
                """);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        registry.close();
    }

    private static JsonNode plan(String job, String... options) throws Exception {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "plan",
                                "--registry",
                                registry.app().uri().toString(),
                                "--token",
                                RegistryInstance.token("alice"),
                                "--owner",
                                "alice",
                                "--topology",
                                topology.toString(),
                                "--job",
                                job,
                                "--json"));
        for (String o : options) {
            args.addAll(List.of("-D", o));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FlinkEdgeCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exitCode = cli.execute(args.toArray(String[]::new));
        assertThat(exitCode).as(err.toString()).isZero();
        return JSON.readTree(out.toString()).path("placement");
    }

    private static Map<String, String> sites(JsonNode placement) {
        Map<String, String> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = placement.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "vehicle-detection",
                "plate-recognition",
                "attribute-recognition",
                "vehicle-count"
            })
    void perCameraJobsRunDetectionAtTheCamerasEdgeSites(String job) throws Exception {
        Map<String, String> sites = sites(plan(job));

        assertThat(sites)
                .containsEntry("alice/VehicleStream@edge-1", "edge-1")
                .containsEntry("alice/VehicleStream@edge-2", "edge-2");
    }

    @Test
    void areaTrafficGroupsWhereItsInputsMeet() throws Exception {
        Map<String, String> sites =
                sites(
                        plan(
                                "area-traffic",
                                "areas=north@48.150,11.545;south@48.121,11.601",
                                "areas.radius=500"));

        assertThat(sites)
                .containsEntry("alice/VehicleStream@edge-1", "edge-1")
                .containsEntry("alice/PlateStream@edge-1", "edge-1")
                .containsEntry("alice/PlateStream@edge-2", "edge-2")
                .containsEntry("alice/AreaCountStream", "cloud")
                .containsEntry("alice/AreaTrafficStream", "cloud")
                .containsEntry("alice/NearbyTrafficStream", "cloud")
                .containsEntry("alice/TrafficDeliveryStream", "cloud")
                .containsEntry("sink:alice/TrafficDeliveryStream", "cloud");
        assertThat(registry.client("alice").list("alice", StreamType.DERIVED))
                .as("plan registers nothing")
                .isEmpty();
    }
}
