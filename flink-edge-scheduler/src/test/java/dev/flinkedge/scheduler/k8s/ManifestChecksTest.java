package dev.flinkedge.scheduler.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.flinkedge.scheduler.topology.Topology;
import dev.flinkedge.scheduler.topology.TopologyLoader;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

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
                """
                .formatted(selectorLabel, podLabel, extra);
    }

    @Test
    void reportsMissingName() throws Exception {
        assertThat(ManifestChecks.identity(docs("{apiVersion: v1, kind: Service, metadata: {}}")))
                .singleElement()
                .asString()
                .contains("test.yaml#0")
                .contains("metadata.name");
    }

    @Test
    void reportsSelectorThatMissesTheTemplate() throws Exception {
        assertThat(ManifestChecks.workloads(docs(deployment("a", "b", ""))))
                .singleElement()
                .asString()
                .contains("Deployment pool")
                .contains("app=a");
    }

    @Test
    void reportsContainerWithoutImage() throws Exception {
        String yaml = deployment("a", "a", "").replace("image: flink-edge:0.1.0", "image: ''");
        assertThat(ManifestChecks.workloads(docs(yaml)))
                .singleElement()
                .asString()
                .contains("'image'");
    }

    @Test
    void reportsAPodThatMayRunAsRootOrEscalate() throws Exception {
        String privileged =
                deployment(
                        "a",
                        "a",
                        ", securityContext: {allowPrivilegeEscalation: true,"
                                + " readOnlyRootFilesystem: false, capabilities: {drop: [NET_RAW]}}");
        assertThat(ManifestChecks.podSecurity(docs(privileged)))
                .containsExactly(
                        "test.yaml#0 (Deployment pool): securityContext.runAsNonRoot is not true",
                        "test.yaml#0 (Deployment pool): securityContext.runAsUser is no non-root"
                                + " uid",
                        "test.yaml#0 (Deployment pool): securityContext.seccompProfile is not"
                                + " RuntimeDefault",
                        "test.yaml#0 (Deployment pool) container c: allowPrivilegeEscalation is"
                                + " not false",
                        "test.yaml#0 (Deployment pool) container c: capabilities.drop is not"
                                + " [ALL]");
    }

    @Test
    void reportsAMemoryLimitBelowTheRequest() throws Exception {
        String small =
                deployment(
                        "a",
                        "a",
                        ", resources: {requests: {cpu: 100m, memory: 1Gi}, limits: {memory:"
                                + " 512Mi}}");
        assertThat(ManifestChecks.resources(docs(small)))
                .containsExactly(
                        "test.yaml#0 (Deployment pool) container c: memory limit 512Mi < request"
                                + " 1Gi");
    }

    @Test
    void reportsSessionJobOfUnknownDeployment() throws Exception {
        assertThat(
                        ManifestChecks.sessionJobs(
                                docs(
                                        """
                {apiVersion: flink.apache.org/v1beta1, kind: FlinkSessionJob, metadata: {name: j},
                 spec: {deploymentName: missing}}""")))
                .singleElement()
                .asString()
                .contains("'missing'");
    }

    @Test
    void reportsMissingSecretAndKafkaService() throws Exception {
        String yaml =
                deployment("a", "a", ", args: [--bootstrap-servers, kafka:9092]")
                        + "      volumes: [{name: tokens, secret: {secretName: gone}}]\n";
        assertThat(ManifestChecks.references(docs(yaml)))
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("Secret 'gone'"))
                .anySatisfy(p -> assertThat(p).contains("host 'kafka'"));
    }

    @Test
    void reportsPoolOfUnknownSiteAndUncoveredSites() throws Exception {
        Topology topology =
                TopologyLoader.parse(
                        """
                sites:
                  - {id: cloud, tier: cloud, location: {lat: 48.1, lon: 11.5}, slots: 4, cpu: 8}
                """,
                        "test");
        String yaml =
                deployment("a", "a", "") + "      nodeSelector: {flinkedge.dev/site: edge-9}\n";
        assertThat(ManifestChecks.taskManagerPools(docs(yaml), topology))
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("site=edge-9").contains("cloud"))
                .anySatisfy(p -> assertThat(p).contains("site cloud has 4 slots"));
    }

    @Test
    void reportsSessionJobArgumentsThatPointNowhere() throws Exception {
        String cluster =
                """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata: {name: flink-edge}
                spec:
                  jobManager:
                    podTemplate:
                      spec:
                        containers:
                          - {name: flink-main-container,
                             volumeMounts: [{name: tokens, mountPath: /etc/tokens}]}
                        volumes: [{name: tokens, secret: {secretName: job-tokens}}]
                  taskManager:
                    podTemplate:
                      spec:
                        containers:
                          - {name: flink-main-container,
                             volumeMounts: [{name: models, mountPath: /models}]}
                """;
        String secrets =
                """
                {apiVersion: v1, kind: Secret, metadata: {name: job-tokens},
                 stringData: {city-a: t-a}}""";
        String registry =
                """
                {apiVersion: v1, kind: Secret, metadata: {name: registry-tokens},
                 stringData: {tokens.properties: "city-a=other"}}""";
        String service =
                """
                {apiVersion: v1, kind: Service, metadata: {name: registry},
                 spec: {ports: [{port: 8090}]}}""";
        String job =
                """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkSessionJob
                metadata: {name: j}
                spec:
                  job:
                    args: [--owner, city-a, --registry.url, "http://registry:9999",
                           --kafka.bootstrap-servers, "kafka:9092",
                           --registry.token-file, /etc/tokens/city-a,
                           --cameras.catalog, /etc/cameras/cameras.yaml,
                           --detect.model, /opt/models/yolov8n.onnx]
                """;
        assertThat(
                        ManifestChecks.sessionJobArguments(
                                docs(cluster, secrets, registry, service, job)))
                .hasSize(7)
                .anySatisfy(p -> assertThat(p).contains("--registry.url 'http://registry:9999'"))
                .anySatisfy(p -> assertThat(p).contains("--kafka.properties ''"))
                .anySatisfy(p -> assertThat(p).contains("--placement.topology ''"))
                .anySatisfy(p -> assertThat(p).contains("--kafka.bootstrap-servers 'kafka:9092'"))
                .anySatisfy(p -> assertThat(p).contains("--cameras.catalog '/etc/cameras"))
                .anySatisfy(p -> assertThat(p).contains("is not the one the registry's tokens"))
                .anySatisfy(p -> assertThat(p).contains("--detect.model '/opt/models"));
    }
}
