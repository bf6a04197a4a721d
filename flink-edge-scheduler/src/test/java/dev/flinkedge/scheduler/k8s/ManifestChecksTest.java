package dev.flinkedge.scheduler.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.flinkedge.scheduler.topology.Topology;
import dev.flinkedge.scheduler.topology.TopologyLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ManifestChecks} reports broken manifests, naming the document and the field. */
class ManifestChecksTest {

    private static List<Manifest> docs(String... yaml) throws JsonProcessingException {
        Manifest[] manifests = new Manifest[yaml.length];
        for (int i = 0; i < yaml.length; i++) {
            manifests[i] = new Manifest(Path.of("test.yaml"), i, Manifests.YAML.readTree(yaml[i]));
        }
        return List.of(manifests);
    }

    private static String deployment(String selectorLabel, String podLabel, String extra) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: pool}
                spec:
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s}}
                    spec:
                      containers: [{name: c, image: flink-edge:0.1.0%s}]
                """.formatted(selectorLabel, podLabel, extra);
    }

    @Test
    void reportsMissingName() throws Exception {
        assertThat(ManifestChecks.identity(docs("{apiVersion: v1, kind: Service, metadata: {}}")))
                .singleElement().asString().contains("test.yaml#0").contains("metadata.name");
    }

    @Test
    void reportsSelectorThatMissesTheTemplate() throws Exception {
        assertThat(ManifestChecks.workloads(docs(deployment("a", "b", ""))))
                .singleElement().asString().contains("Deployment pool").contains("app=a");
    }

    @Test
    void reportsContainerWithoutImage() throws Exception {
        String yaml = deployment("a", "a", "").replace("image: flink-edge:0.1.0", "image: ''");
        assertThat(ManifestChecks.workloads(docs(yaml)))
                .singleElement().asString().contains("'image'");
    }

    @Test
    void reportsSessionJobOfUnknownDeployment() throws Exception {
        assertThat(ManifestChecks.sessionJobs(docs("""
                {apiVersion: flink.apache.org/v1beta1, kind: FlinkSessionJob, metadata: {name: j},
                 spec: {deploymentName: missing}}""")))
                .singleElement().asString().contains("'missing'");
    }

    @Test
    void reportsMissingSecretAndKafkaService() throws Exception {
        String yaml = deployment("a", "a", ", args: [--bootstrap-servers, kafka:9092]")
                + "      volumes: [{name: tokens, secret: {secretName: gone}}]\n";
        assertThat(ManifestChecks.references(docs(yaml)))
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("Secret 'gone'"))
                .anySatisfy(p -> assertThat(p).contains("host 'kafka'"));
    }

    @Test
    void reportsPoolOfUnknownSiteAndUncoveredSites() throws Exception {
        Topology topology = TopologyLoader.parse("""
                sites:
                  - {id: cloud, tier: cloud, location: {lat: 48.1, lon: 11.5}, slots: 4, cpu: 8}
                """, "test");
        String yaml = deployment("a", "a", "")
                + "      nodeSelector: {flinkedge.dev/site: edge-9}\n";
        assertThat(ManifestChecks.taskManagerPools(docs(yaml), topology))
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("site=edge-9").contains("cloud"))
                .anySatisfy(p -> assertThat(p).contains("site cloud has 4 slots"));
    }
}
