package dev.flinkedge.scheduler.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.flinkedge.scheduler.topology.Topology;
import dev.flinkedge.scheduler.topology.TopologyLoader;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

class TaskManagerPoolsTest {

    @Test
    void defaultTopologyRendersTheCheckedInPools() throws Exception {
        Path root = Manifests.repoRoot();
        Map<String, String> files =
                TaskManagerPools.render(
                        TopologyLoader.load(root.resolve("conf/topology-default.yaml")));
        assertThat(files).containsOnlyKeys("taskmanagers-edge-1.yaml", "taskmanagers-edge-2.yaml");
        for (Map.Entry<String, String> file : files.entrySet()) {
            assertThat(file.getValue())
                    .as(
                            "k8s/%s, re-render it with 'flink-edge k8s render"
                                    + " --topology conf/topology-default.yaml'",
                            file.getKey())
                    .isEqualTo(Files.readString(root.resolve("k8s").resolve(file.getKey())));
        }
    }

    @Test
    void rendersEverySiteWithSlotsButDevicesAndRoot() {
        Topology topology =
                TopologyLoader.parse(
                        """
                sites:
                  - {id: cloud, tier: cloud, location: {lat: 48.1, lon: 11.5}, slots: 4, cpu: 8}
                  - {id: dc-2, tier: cloud, parent: cloud, location: {lat: 48.2, lon: 11.5},
                     slots: 8, cpu: 1.5}
                  - {id: ap-3, tier: edge, parent: cloud, location: {lat: 48.1, lon: 11.6},
                     slots: 0, cpu: 2}
                  - {id: cam-1, tier: device, parent: dc-2, location: {lat: 48.2, lon: 11.5}}
                """,
                        "test");
        Map<String, String> files = TaskManagerPools.render(topology);
        assertThat(files).containsOnlyKeys("taskmanagers-dc-2.yaml");
        assertThat(files.get("taskmanagers-dc-2.yaml"))
                .contains(
                        "name: flink-edge-taskmanager-dc-2",
                        "flinkedge.dev/site: dc-2",
                        "-Dexternal-resource.dc-2.amount=8",
                        "-Dtaskmanager.cpu.cores=1.5",
                        "-Dtaskmanager.resource-id=dc-2-tm-0")
                .doesNotContain("${");
    }

    @Test
    void renderedPoolsPassTheManifestChecks() {
        Topology topology =
                TopologyLoader.parse(
                        """
                sites:
                  - {id: cloud, tier: cloud, location: {lat: 48.1, lon: 11.5}, slots: 4, cpu: 8}
                  - {id: ap-7, tier: edge, parent: cloud, location: {lat: 48.1, lon: 11.6},
                     slots: 3, cpu: 4}
                """,
                        "test");
        String yaml = TaskManagerPools.render(topology).get("taskmanagers-ap-7.yaml");
        Manifest pool = new Manifest(Path.of("taskmanagers-ap-7.yaml"), 0, readTree(yaml));
        assertThat(ManifestChecks.identity(List.of(pool))).isEmpty();
        assertThat(ManifestChecks.workloads(List.of(pool))).isEmpty();
        assertThat(ManifestChecks.taskManagerPools(List.of(pool), topology))
                .singleElement()
                .asString()
                .contains("site cloud");
    }

    private static JsonNode readTree(String yaml) {
        try {
            return Manifests.YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new AssertionError("rendered pool is not YAML: " + e.getMessage(), e);
        }
    }
}
