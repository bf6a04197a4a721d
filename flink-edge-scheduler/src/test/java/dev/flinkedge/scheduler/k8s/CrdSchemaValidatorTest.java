package dev.flinkedge.scheduler.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CrdSchemaValidatorTest {

    private static CrdSchemaValidator deployments;

    @BeforeAll
    static void loadCrd() {
        deployments = OperatorCrds.flinkDeployment();
    }

    private static ObjectNode valid() throws Exception {
        return (ObjectNode)
                Manifests.YAML.readTree(
                        """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata: {name: test}
                spec:
                  image: flink-edge:0.1.0
                  flinkVersion: v2_2
                  mode: standalone
                  flinkConfiguration: {execution.buffer-timeout.interval: "0"}
                  jobManager: {resource: {memory: 1024m, cpu: 1}}
                  taskManager:
                    replicas: 1
                    resource: {memory: 1536m, cpu: 1}
                    podTemplate:
                      spec:
                        containers: [{name: flink-main-container}]
                """);
    }

    private static ObjectNode spec(ObjectNode resource) {
        return (ObjectNode) resource.get("spec");
    }

    @Test
    void acceptsValidDeployment() throws Exception {
        assertThat(deployments.validate(valid())).isEmpty();
    }

    @Test
    void namesValueOutsideEnum() throws Exception {
        ObjectNode resource = valid();
        spec(resource).put("mode", "hybrid");
        assertThat(deployments.validate(resource))
                .singleElement()
                .asString()
                .contains("$.spec.mode")
                .contains("standalone");
    }

    @Test
    void namesUnsupportedFlinkVersion() throws Exception {
        ObjectNode resource = valid();
        spec(resource).put("flinkVersion", "2.2");
        assertThat(deployments.validate(resource))
                .singleElement()
                .asString()
                .contains("$.spec.flinkVersion");
    }

    @Test
    void namesUndeclaredField() throws Exception {
        ObjectNode resource = valid();
        ((ObjectNode) spec(resource).get("taskManager")).put("replica", 2);
        assertThat(deployments.validate(resource))
                .singleElement()
                .asString()
                .contains("$.spec.taskManager")
                .contains("replica");
    }

    @Test
    void namesWrongType() throws Exception {
        ObjectNode resource = valid();
        ((ObjectNode) spec(resource).get("taskManager")).put("replicas", "one");
        assertThat(deployments.validate(resource))
                .singleElement()
                .asString()
                .contains("$.spec.taskManager.replicas")
                .contains("integer");
    }

    @Test
    void keepsUnknownFieldsWherePreserved() throws Exception {
        ObjectNode resource = valid();
        ((ObjectNode) spec(resource).get("flinkConfiguration")).put("any.option", "value");
        assertThat(deployments.validate(resource)).isEmpty();
    }

    @Test
    void acceptsIntOrString() throws Exception {
        ObjectNode resource = valid();
        JsonNode container = spec(resource).at("/taskManager/podTemplate/spec/containers/0");
        ((ObjectNode) container)
                .putObject("resources")
                .putObject("limits")
                .put("memory", "1536Mi")
                .put("cpu", 2);
        assertThat(deployments.validate(resource)).isEmpty();
    }

    @Test
    void rejectsOtherKindAndUnservedVersion() throws Exception {
        ObjectNode resource = valid();
        resource.put("apiVersion", "flink.apache.org/v1");
        assertThat(deployments.validate(resource))
                .singleElement()
                .asString()
                .contains("$.apiVersion")
                .contains("v1beta1");
        resource.put("kind", "FlinkSessionJob");
        assertThat(deployments.validate(resource)).singleElement().asString().contains("$.kind");
    }
}
