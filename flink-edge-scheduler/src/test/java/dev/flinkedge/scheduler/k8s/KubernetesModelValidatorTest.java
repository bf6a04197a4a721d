package dev.flinkedge.scheduler.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link KubernetesModelValidator} finds what the Kubernetes API would reject or drop. */
class KubernetesModelValidatorTest {

    private static final String DEPLOYMENT =
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: pool}
            spec:
              replicas: 1
              selector: {matchLabels: {app: a}}
              template:
                metadata: {labels: {app: a}}
                spec:
                  containers:
                    - name: c
                      image: flink-edge:0.1.0
                      ports: [{name: rpc, containerPort: 6122}]
                      resources: {requests: {memory: 1536Mi, cpu: "2"}}
                  volumes: [{name: m, hostPath: {path: /var/lib/m, type: Directory}}]
            """;

    @Test
    void acceptsAValidDeployment() throws Exception {
        assertThat(KubernetesModelValidator.validate(Manifests.YAML.readTree(DEPLOYMENT)))
                .isEmpty();
    }

    @Test
    void reportsAMisspeltOrMisplacedFieldWithItsPath() throws Exception {
        String yaml =
                DEPLOYMENT
                        .replace("replicas: 1", "replica: 1")
                        .replace("ports: [{name: rpc,", "ports: [{nam: rpc,");
        assertThat(KubernetesModelValidator.validate(Manifests.YAML.readTree(yaml)))
                .containsExactlyInAnyOrder(
                        ".spec.replica: no such field in DeploymentSpec",
                        ".spec.template.spec.containers[0].ports[0].nam: no such field in"
                                + " ContainerPort");
    }

    @Test
    void reportsAValueOfTheWrongType() throws Exception {
        String yaml = DEPLOYMENT.replace("replicas: 1", "replicas: [1]");
        assertThat(KubernetesModelValidator.validate(Manifests.YAML.readTree(yaml)))
                .singleElement()
                .asString()
                .startsWith(": does not match Deployment");
    }

    @Test
    void reportsAKindItHasNoTypeFor() throws Exception {
        assertThat(
                        KubernetesModelValidator.validate(
                                Manifests.YAML.readTree(
                                        "{apiVersion: v1, kind: Pdo, metadata: {name: x}}")))
                .singleElement()
                .asString()
                .contains("no Kubernetes type for 'v1 Pdo'");
    }
}
