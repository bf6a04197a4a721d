package dev.flinkedge.scheduler.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.scheduler.topology.Topology;
import dev.flinkedge.scheduler.topology.TopologyLoader;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The manifests under {@code k8s/}: CRD schemas, structure and references between files. */
class K8sManifestsTest {

    private static Path root;
    private static List<Manifest> manifests;

    @BeforeAll
    static void read() {
        root = Manifests.repoRoot();
        manifests = Manifests.readAll(root.resolve("k8s"));
    }

    @Test
    void customResourcesMatchOperatorSchemas() {
        List<CrdSchemaValidator> validators =
                List.of(OperatorCrds.flinkDeployment(), OperatorCrds.flinkSessionJob());
        List<String> problems = new ArrayList<>();
        int validated = 0;
        for (Manifest m : manifests) {
            for (CrdSchemaValidator validator : validators) {
                if (validator.kind().equals(m.kind())) {
                    validator
                            .validate(m.document())
                            .forEach(e -> problems.add(m.where() + ": " + e));
                    validated++;
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(validated).as("FlinkDeployment and FlinkSessionJob documents").isEqualTo(6);
    }

    @Test
    void plainResourcesAndPodTemplatesMatchTheKubernetesApiTypes() {
        List<String> problems = new ArrayList<>();
        int validated = 0;
        for (Manifest m : manifests) {
            if (m.kind().equals("FlinkDeployment")) {
                // The CRD leaves pod templates open (preserve-unknown-fields): check them here.
                for (String at :
                        List.of(
                                "/spec/podTemplate",
                                "/spec/jobManager/podTemplate",
                                "/spec/taskManager/podTemplate")) {
                    if (!m.document().at(at).isMissingNode()) {
                        KubernetesModelValidator.validatePodTemplate(m.document().at(at), at)
                                .forEach(e -> problems.add(m.where() + ": " + e));
                        validated++;
                    }
                }
            } else if (!m.kind().equals("FlinkSessionJob") && !m.kind().equals("NetworkPolicy")) {
                // No fabric8 networking model is available offline: networkPolicies() checks
                // the NetworkPolicies' fields instead.
                KubernetesModelValidator.validate(m.document())
                        .forEach(e -> problems.add(m.where() + ": " + e));
                validated++;
            }
        }
        assertThat(problems).isEmpty();
        assertThat(validated).as("plain resources and pod templates").isGreaterThanOrEqualTo(12);
    }

    @Test
    void sessionJobArgumentsPointAtWhatTheManifestsDefine() {
        assertThat(ManifestChecks.sessionJobArguments(manifests)).isEmpty();
    }

    @Test
    void theJobsPlaceOnTheTopologyThePoolsWereRenderedFrom() {
        Topology rendered = TopologyLoader.load(root.resolve("conf/topology-default.yaml"));
        Manifest configMap =
                manifests.stream()
                        .filter(
                                m ->
                                        m.kind().equals("ConfigMap")
                                                && m.name().equals("flink-edge-topology"))
                        .findFirst()
                        .orElseThrow();
        Topology mounted =
                TopologyLoader.parse(
                        configMap.document().at("/data/topology.yaml").asText(), configMap.where());
        assertThat(mounted.sites()).isEqualTo(rendered.sites());
        assertThat(mounted.links()).isEqualTo(rendered.links());
    }

    @Test
    void everyDocumentHasApiVersionKindAndName() {
        assertThat(ManifestChecks.identity(manifests)).isEmpty();
        assertThat(manifests)
                .extracting(Manifest::kind)
                .contains(
                        "FlinkDeployment",
                        "FlinkSessionJob",
                        "Deployment",
                        "StatefulSet",
                        "Service",
                        "Secret");
    }

    @Test
    void workloadsSelectTheirPodsAndNameImages() {
        assertThat(ManifestChecks.workloads(manifests)).isEmpty();
    }

    @Test
    void sessionJobsNameTheSessionCluster() {
        assertThat(ManifestChecks.sessionJobs(manifests)).isEmpty();
    }

    @Test
    void theSupervisorReachesRegistryKafkaAndTheSessionClusterAndHostJobsFindTheirFiles() {
        assertThat(ManifestChecks.supervisor(manifests)).isEmpty();
    }

    @Test
    void theRegistryLoadsItsTokensSecretAndTheJobsTokensAreItsOwners() {
        assertThat(ManifestChecks.registryTokensFiles(manifests)).isEmpty();
    }

    @Test
    void everyPodRunsUnprivilegedWithoutCapabilities() {
        assertThat(ManifestChecks.podSecurity(manifests)).isEmpty();
    }

    @Test
    void everyContainerRequestsResourcesAndLimitsMemory() {
        assertThat(ManifestChecks.resources(manifests)).isEmpty();
    }

    @Test
    void everyPodIsProbedAsItsRoleNeeds() {
        assertThat(ManifestChecks.probes(manifests)).isEmpty();
    }

    @Test
    void secretsConfigurationAndModelsAreMountedReadOnly() {
        assertThat(ManifestChecks.readOnlyMounts(manifests)).isEmpty();
    }

    @Test
    void onlyTheirClientsReachKafkaAndTheRegistry() {
        assertThat(ManifestChecks.networkPolicies(manifests)).isEmpty();
    }

    @Test
    void registryFindsItsSecretAndKafka() {
        assertThat(ManifestChecks.references(manifests)).isEmpty();
        assertThat(KafkaManifestChecks.registry(manifests)).isEmpty();
    }

    @Test
    void kafkaMakesEveryClientLogInAndDeniesWhatNoAclAllows() {
        List<String> problems = new ArrayList<>();
        Map<String, String> broker = KafkaManifestChecks.brokerProperties(manifests, problems);
        assertThat(problems).isEmpty();
        assertThat(broker)
                .containsEntry("listeners", "CLIENT://:9092,CONTROLLER://localhost:9093")
                .containsEntry("advertised.listeners", "CLIENT://flink-edge-kafka:9092")
                .containsEntry(
                        "listener.security.protocol.map",
                        "CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT")
                .containsEntry(
                        "listener.name.client.sasl.enabled.mechanisms", "SCRAM-SHA-512,PLAIN")
                .containsEntry("inter.broker.listener.name", "CLIENT")
                .containsEntry("sasl.mechanism.inter.broker.protocol", "PLAIN")
                .containsEntry(
                        "authorizer.class.name",
                        "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("allow.everyone.if.no.acl.found", "false");
        assertThat(broker.get("super.users").split(";"))
                .containsExactlyInAnyOrder("User:flinkedge-broker", "User:flinkedge-registry");
        Map<String, String> clientPlain =
                KafkaManifestChecks.jaas(
                                "PLAIN", broker.get("listener.name.client.plain.sasl.jaas.config"))
                        .options();
        assertThat(clientPlain)
                .containsOnlyKeys(
                        "username", "password", "user_flinkedge-broker", "user_flinkedge-registry")
                .containsEntry("username", "flinkedge-broker");
        assertThat(KafkaManifestChecks.broker(manifests)).isEmpty();
    }

    @Test
    void everyOwnerHasAKafkaLoginThatTheRegistryCreatesAndTheJobManagerMounts() {
        assertThat(KafkaManifestChecks.credentials(manifests)).isEmpty();
        assertThat(ManifestChecks.registryOwners(manifests)).containsExactly("city-a", "city-b");
    }

    @Test
    void taskManagerPoolsMatchDefaultTopology() {
        assertThat(
                        ManifestChecks.taskManagerPools(
                                manifests,
                                TopologyLoader.load(root.resolve("conf/topology-default.yaml"))))
                .isEmpty();
    }
}
