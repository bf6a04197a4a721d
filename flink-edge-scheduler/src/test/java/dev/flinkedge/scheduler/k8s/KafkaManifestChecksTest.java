package dev.flinkedge.scheduler.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@link KafkaManifestChecks} and the Kafka parts of {@link ManifestChecks} report what breaks the
 * secured Kafka: each test changes one value of a copy of the real manifests under {@code k8s/}.
 */
class KafkaManifestChecksTest {

    private static List<Manifest> real;

    @BeforeAll
    static void read() {
        real = Manifests.readAll(Manifests.repoRoot().resolve("k8s"));
    }

    /**
     * A copy of the real manifests with {@code change} applied to the document {@code kind/name}.
     */
    private static List<Manifest> changed(String kind, String name, Consumer<ObjectNode> change) {
        List<Manifest> copy = new ArrayList<>();
        boolean found = false;
        for (Manifest m : real) {
            JsonNode doc = m.document().deepCopy();
            if (m.kind().equals(kind) && m.name().equals(name)) {
                change.accept((ObjectNode) doc);
                found = true;
            }
            copy.add(new Manifest(m.file(), m.index(), doc));
        }
        assertThat(found).as(kind + " " + name).isTrue();
        return copy;
    }

    private static List<Manifest> kafkaEnv(String variable, String value) {
        return changed(
                "StatefulSet",
                "flink-edge-kafka",
                doc -> {
                    ArrayNode env = (ArrayNode) doc.at("/spec/template/spec/containers/0/env");
                    for (int i = 0; i < env.size(); i++) {
                        if (env.get(i).path("name").asText().equals(variable)) {
                            if (value == null) {
                                env.remove(i);
                            } else {
                                ((ObjectNode) env.get(i)).put("value", value);
                            }
                            return;
                        }
                    }
                    throw new AssertionError("no env " + variable);
                });
    }

    private static List<Manifest> secretKey(String secret, String key, String from, String to) {
        return changed(
                "Secret",
                secret,
                doc -> {
                    ObjectNode data = (ObjectNode) doc.path("stringData");
                    assertThat(data.path(key).asText()).contains(from);
                    data.put(key, data.path(key).asText().replace(from, to));
                });
    }

    @Test
    void theRealManifestsPass() {
        assertThat(KafkaManifestChecks.broker(real)).isEmpty();
        assertThat(KafkaManifestChecks.credentials(real)).isEmpty();
        assertThat(KafkaManifestChecks.registry(real)).isEmpty();
        assertThat(ManifestChecks.sessionJobArguments(real)).isEmpty();
        assertThat(ManifestChecks.supervisor(real)).isEmpty();
    }

    @Test
    void aBrokerThatLeavesTheInterBrokerListenerToTheImageDefaultIsReported() {
        assertThat(KafkaManifestChecks.broker(kafkaEnv("KAFKA_INTER_BROKER_LISTENER_NAME", null)))
                .singleElement()
                .asString()
                .contains("inter.broker.listener.name is 'PLAINTEXT', expected 'CLIENT'");
    }

    @Test
    void aBrokerThatAllowsWhatNoAclAllowsIsReported() {
        assertThat(
                        KafkaManifestChecks.broker(
                                kafkaEnv("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "true")))
                .singleElement()
                .asString()
                .contains("allow.everyone.if.no.acl.found is 'true', expected 'false'");
    }

    @Test
    void anOwnerAmongTheSuperUsersIsReported() {
        assertThat(
                        KafkaManifestChecks.broker(
                                kafkaEnv(
                                        "KAFKA_SUPER_USERS",
                                        "User:flinkedge-broker;User:flinkedge-registry;User:city-a")))
                .singleElement()
                .asString()
                .contains("super.users");
    }

    @Test
    void aPlaintextClientListenerIsReported() {
        assertThat(
                        KafkaManifestChecks.broker(
                                kafkaEnv(
                                        "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP",
                                        "CLIENT:PLAINTEXT,CONTROLLER:SASL_PLAINTEXT")))
                .singleElement()
                .asString()
                .contains("listener.security.protocol.map is 'CLIENT:PLAINTEXT");
    }

    @Test
    void aControllerListenerOtherPodsCanReachIsReported() {
        assertThat(
                        KafkaManifestChecks.broker(
                                kafkaEnv("KAFKA_LISTENERS", "CLIENT://:9092,CONTROLLER://:9093")))
                .singleElement()
                .asString()
                .contains("the controller listener binds ':9093'");
    }

    @Test
    void aPasswordWrittenIntoTheKafkaPodIsReported() {
        List<Manifest> manifests =
                kafkaEnv(
                        "KAFKA_LISTENER_NAME_CONTROLLER_PLAIN_SASL_JAAS_CONFIG",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required"
                                + " username=\"flinkedge-broker\" password=\"secret\""
                                + " user_flinkedge-broker=\"secret\";");
        assertThat(KafkaManifestChecks.broker(manifests))
                .anySatisfy(
                        p ->
                                assertThat(p)
                                        .contains(
                                                "KAFKA_LISTENER_NAME_CONTROLLER_PLAIN_SASL_JAAS_CONFIG"
                                                        + " writes password as a literal"));
    }

    @Test
    void aRegistryPasswordTheBrokerDoesNotKnowIsReported() {
        List<Manifest> manifests =
                secretKey(
                        "flink-edge-registry-kafka",
                        "client.properties",
                        "password=\"REPLACE-ME-registry-kafka-password\"",
                        "password=\"another\"");
        assertThat(KafkaManifestChecks.broker(manifests))
                .singleElement()
                .asString()
                .contains("listener.name.client.plain.sasl.jaas.config is");
    }

    @Test
    void aRegistryThatIsNoSuperUserIsReported() {
        List<Manifest> manifests =
                secretKey(
                        "flink-edge-registry-kafka",
                        "client.properties",
                        "username=\"flinkedge-registry\"",
                        "username=\"city-a\"");
        assertThat(KafkaManifestChecks.credentials(manifests))
                .anySatisfy(p -> assertThat(p).contains("which is no super user of the broker"));
    }

    @Test
    void anOwnerWhosePasswordDiffersFromItsKafkaUsersLineIsReported() {
        List<Manifest> manifests =
                secretKey(
                        "flink-edge-kafka-client-city-b",
                        "city-b.properties",
                        "REPLACE-ME-city-b-kafka-password",
                        "REPLACE-ME-city-a-kafka-password");
        assertThat(KafkaManifestChecks.credentials(manifests))
                .singleElement()
                .asString()
                .contains(
                        "the password of city-b is not the one in the registry's kafka.users.file");
    }

    @Test
    void anOwnerWithoutAKafkaUsersLineIsReported() {
        List<Manifest> manifests =
                secretKey(
                        "flink-edge-registry-kafka",
                        "kafka-users.properties",
                        "city-b=REPLACE-ME-city-b-kafka-password\n",
                        "");
        assertThat(KafkaManifestChecks.credentials(manifests))
                .singleElement()
                .asString()
                .contains("no password for owner city-b");
    }

    @Test
    void theRegistryAsAKafkaUserIsReported() {
        List<Manifest> manifests =
                secretKey(
                        "flink-edge-registry-kafka",
                        "kafka-users.properties",
                        "flinkedge-scheduler=",
                        "flinkedge-registry=x\nflinkedge-scheduler=");
        assertThat(KafkaManifestChecks.credentials(manifests))
                .singleElement()
                .asString()
                .contains("names 'flinkedge-registry'");
    }

    @Test
    void anOwnerSecretTheJobManagerDoesNotMountIsReported() {
        List<Manifest> manifests =
                changed(
                        "FlinkDeployment",
                        "flink-edge",
                        doc -> {
                            for (JsonNode volume :
                                    doc.at("/spec/jobManager/podTemplate/spec/volumes")) {
                                if (volume.has("projected")) {
                                    ((ArrayNode) volume.at("/projected/sources")).remove(1);
                                }
                            }
                        });
        assertThat(KafkaManifestChecks.credentials(manifests))
                .singleElement()
                .asString()
                .contains("flink-edge-kafka-client-city-b is not mounted on the JobManager");
        assertThat(ManifestChecks.sessionJobArguments(manifests))
                .singleElement()
                .asString()
                .contains("attribute-recognition")
                .contains("--kafka.properties '/etc/flink-edge/kafka-clients/city-b.properties'");
        assertThat(ManifestChecks.supervisor(manifests))
                .singleElement()
                .asString()
                .contains("no Kafka client properties of city-b");
    }

    @Test
    void aSessionJobWithAnotherOwnersKafkaLoginIsReported() {
        List<Manifest> manifests =
                changed(
                        "FlinkSessionJob",
                        "attribute-recognition",
                        doc -> {
                            ArrayNode args = (ArrayNode) doc.at("/spec/job/args");
                            for (int i = 0; i < args.size(); i++) {
                                if (args.get(i).asText().endsWith("/city-b.properties")) {
                                    args.set(
                                            i,
                                            args.get(i)
                                                    .asText()
                                                    .replace(
                                                            "city-b.properties",
                                                            "city-a.properties"));
                                }
                            }
                        });
        assertThat(ManifestChecks.sessionJobArguments(manifests))
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("is not the file of --owner 'city-b'"))
                .anySatisfy(p -> assertThat(p).contains("logs in as 'city-a', expected 'city-b'"));
    }

    @Test
    void aSupervisorWithoutTheOwnersKafkaFilesIsReported() {
        List<Manifest> manifests =
                changed(
                        "Deployment",
                        "flink-edge-supervisor",
                        doc -> {
                            ArrayNode mounts =
                                    (ArrayNode)
                                            doc.at("/spec/template/spec/containers/0/volumeMounts");
                            for (int i = 0; i < mounts.size(); i++) {
                                if (mounts.get(i).path("name").asText().equals("kafka-clients")) {
                                    mounts.remove(i);
                                    return;
                                }
                            }
                        });
        assertThat(ManifestChecks.supervisor(manifests))
                .hasSize(4)
                .allSatisfy(p -> assertThat(p).contains("Deployment flink-edge-supervisor"))
                .anySatisfy(p -> assertThat(p).contains("volume 'kafka-clients'"))
                .anySatisfy(p -> assertThat(p).contains("refuses to start host jobs of city-a"))
                .anySatisfy(p -> assertThat(p).contains("refuses to start host jobs of city-b"));
    }
}
