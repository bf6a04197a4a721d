package dev.flinkedge.scheduler.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.scheduler.topology.Site;
import dev.flinkedge.scheduler.topology.Tier;
import dev.flinkedge.scheduler.topology.Topology;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

class ClusterConfigTest {

    private static final Site EDGE =
            new Site("edge-1", Tier.EDGE, "cloud", new GeoPoint(48.15, 11.54), 2, 2);
    private static final Site CLOUD =
            new Site("cloud", Tier.CLOUD, null, new GeoPoint(48.13, 11.57), 4, 8);

    @TempDir Path dir;

    private ClusterSettings settings() {
        return new ClusterSettings(
                Topology.of(List.of(CLOUD, EDGE), List.of()),
                Path.of("t.yaml"),
                dir,
                null,
                ClusterPorts.DEFAULTS,
                "cp",
                "1024m",
                "1536m",
                Duration.ofSeconds(60));
    }

    @Test
    void taskManagerDeclaresItsSiteAsExternalResource() throws Exception {
        FlinkConfigs.writeTaskManager(settings(), EDGE, "edge-1-tm-0", dir);

        assertThat(Files.readString(dir.resolve("config.yaml"), StandardCharsets.UTF_8))
                .contains("taskmanager.resource-id: 'edge-1-tm-0'\n")
                .contains("taskmanager.numberOfTaskSlots: 2\n")
                .contains("external-resources: ['edge-1']\n")
                .contains("external-resource.edge-1.amount: 2\n")
                .contains("cluster.fine-grained-resource-management.enabled: true\n")
                .contains("execution.buffer-timeout.interval: '0 ms'\n")
                .contains("taskmanager.memory.process.size: '1536m'\n")
                .contains("io.tmp.dirs: '" + dir.toAbsolutePath().resolve("tmp") + "'\n");
    }

    @Test
    void flinkProcessesGetNeitherTheKafkaConnectorNorFlinkEdgeModules() {
        String m2 = "/home/u/.m2/repository/";
        String full =
                String.join(
                        File.pathSeparator,
                        "/src/flink-edge/jobs/target/classes",
                        "/src/flink-edge/flink-edge-connectors/target/"
                                + "flink-edge-connectors-0.1.0-SNAPSHOT.jar",
                        "/src/flink-edge/shared-stream-registry/target/"
                                + "shared-stream-registry-0.1.0-SNAPSHOT.jar",
                        m2
                                + "dev/flinkedge/flink-edge-connectors/0.1/flink-edge-connectors-0.1.jar",
                        m2 + "org/apache/flink/flink-runtime/2.2.1/flink-runtime-2.2.1.jar",
                        m2
                                + "org/apache/flink/flink-connector-kafka/5.0.0-2.2/"
                                + "flink-connector-kafka-5.0.0-2.2.jar",
                        m2
                                + "org/apache/flink/flink-connector-base/2.2.1/flink-connector-base-2.2.1.jar",
                        m2 + "org/apache/logging/log4j/log4j-core/2.25.3/log4j-core-2.25.3.jar");
        ClusterSettings settings =
                new ClusterSettings(
                        Topology.of(List.of(CLOUD, EDGE), List.of()),
                        Path.of("t.yaml"),
                        dir,
                        null,
                        ClusterPorts.DEFAULTS,
                        full,
                        "1024m",
                        "1536m",
                        Duration.ofSeconds(60));

        // Flink's distribution ships connector-base (and datagen), not the Kafka connector.
        assertThat(settings.flinkClasspath().split(File.pathSeparator))
                .containsExactly(
                        m2 + "org/apache/flink/flink-runtime/2.2.1/flink-runtime-2.2.1.jar",
                        m2
                                + "org/apache/flink/flink-connector-base/2.2.1/flink-connector-base-2.2.1.jar",
                        m2 + "org/apache/logging/log4j/log4j-core/2.25.3/log4j-core-2.25.3.jar");
    }

    @Test
    void jobManagerFailsJobsWithoutRoomAtTheirSiteAtOnce() throws Exception {
        FlinkConfigs.writeJobManager(settings(), dir);

        assertThat(Files.readString(dir.resolve("config.yaml"), StandardCharsets.UTF_8))
                .contains("cluster.fine-grained-resource-management.enabled: true\n")
                .contains("resourcemanager.standalone.start-up-time: '1 ms'\n");
    }

    @Test
    void everyFlinkProcessNoticesAKilledTaskManagerWithinAThirdOfAProductionLease()
            throws Exception {
        Path jm = Files.createDirectories(dir.resolve("jm"));
        Path tm = Files.createDirectories(dir.resolve("tm"));
        FlinkConfigs.writeJobManager(settings(), jm);
        FlinkConfigs.writeTaskManager(settings(), EDGE, "edge-1-tm-0", tm);

        for (Path d : List.of(jm, tm)) {
            assertThat(Files.readString(d.resolve("config.yaml"), StandardCharsets.UTF_8))
                    .contains("heartbeat.interval: '1 s'\n")
                    .contains("heartbeat.rpc-failure-threshold: 2\n");
        }
        // Detection takes interval × failures; the registry's default production lease is 15 s.
        assertThat(
                        FlinkConfigs.HEARTBEAT_INTERVAL.multipliedBy(
                                FlinkConfigs.HEARTBEAT_RPC_FAILURES))
                .isLessThanOrEqualTo(Duration.ofSeconds(15).dividedBy(3));
    }

    @Test
    void onlyEdgeAndCloudSitesWithSlotsGetTaskManagers() {
        Site device = new Site("cam-1", Tier.DEVICE, "edge-1", new GeoPoint(0, 0), 0, 0);
        Site router = new Site("router", Tier.EDGE, "cloud", new GeoPoint(0, 0), 0, 1);

        assertThat(LocalEdgeCluster.computeSites(List.of(CLOUD, EDGE, device, router)))
                .containsExactly(CLOUD, EDGE);
        assertThat(LocalEdgeCluster.taskManagerId(EDGE)).isEqualTo("edge-1-tm-0");
    }

    @Test
    void portsMustBeDistinctAndValid() {
        assertThatThrownBy(() -> new ClusterPorts(9092, 9093, 8081, 8081, 6123))
                .hasMessageContaining("--rest-port and --registry-port are both 8081");
        assertThatThrownBy(() -> new ClusterPorts(0, 9093, 8090, 8081, 6123))
                .hasMessageContaining("--kafka-port 0 is not a TCP port");
    }

    @Test
    void findsTheRootCauseInAJvmsOutput() {
        String output =
                String.join(
                        "\n",
                        "[..] INFO Loading configuration property",
                        "Exception in thread \"main\" a.b.IllegalConfigurationException: outer",
                        "\tat a.b.C.d(C.java:1)",
                        "Caused by: a.b.IllegalConfigurationException: the real reason",
                        "\t... 3 more");

        assertThat(FlinkMemory.rootCause(output))
                .isEqualTo("a.b.IllegalConfigurationException: the real reason");
        assertThat(FlinkMemory.rootCause("just a line\nlast line")).isEqualTo("last line");
    }

    @Test
    void taskManagersShareTheMachinesCoresForModelRuns() {
        // Two TaskManagers (cloud and edge-1) on this machine's cores, never fewer than one each.
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(LocalEdgeCluster.modelThreads(settings())).isEqualTo(Math.max(1, cores / 2));
    }

    @Test
    void flinkProcessesFindModelsWhereThisJvmDoes() {
        Map<String, String> properties = Map.of("flinkedge.assets", "work/assets");

        List<String> options = LocalEdgeCluster.modelLocations(properties::get);

        assertThat(options)
                .containsExactly(
                        "-Dflinkedge.assets="
                                + Path.of("work/assets").toAbsolutePath().normalize());
        assertThat(LocalEdgeCluster.modelLocations(Map.<String, String>of()::get)).isEmpty();
    }
}
