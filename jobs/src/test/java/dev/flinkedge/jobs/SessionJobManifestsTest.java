package dev.flinkedge.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.flinkedge.connectors.api.EdgeJob;
import dev.flinkedge.connectors.policy.KafkaPolicyProvider;
import dev.flinkedge.connectors.source.camera.DeviceCatalog;
import dev.flinkedge.jobs.traffic.Area;
import dev.flinkedge.kafka.KafkaClientConfig;

import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The FlinkSessionJobs under {@code k8s/} run the packaged jobs as the jobs themselves understand
 * it: one per job of the {@link EdgeJob} SPI, whose entry class has a main, whose arguments parse
 * with {@link TrafficJobOptions}, whose camera catalog (the ConfigMap) loads, whose Kafka client
 * properties (the owner's Secret) give the owner's login, and whose foreign camera stream is
 * granted by a manifest. (Hosts, mounts, tokens and passwords are checked by the scheduler module's
 * K8sManifestsTest.)
 */
class SessionJobManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Where the JobManager mounts each owner's Kafka client properties. */
    private static final String KAFKA_CLIENTS = "/etc/flink-edge/kafka-clients/";

    private static final Map<String, JsonNode> SESSION_JOBS = new TreeMap<>();
    private static final List<JsonNode> DOCUMENTS = new ArrayList<>();

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (MappingIterator<JsonNode> docs =
                        YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                    docs.forEachRemaining(DOCUMENTS::add);
                }
            }
        }
        for (JsonNode doc : DOCUMENTS) {
            if (doc.path("kind").asText().equals("FlinkSessionJob")) {
                SESSION_JOBS.put(doc.at("/spec/job/entryClass").asText(), doc);
            }
        }
    }

    @Test
    void everyPackagedJobHasASessionJobWhoseEntryClassHasAMain() throws Exception {
        List<String> jobClasses =
                ServiceLoader.load(EdgeJob.class).stream()
                        .map(p -> p.type().getName())
                        .sorted()
                        .toList();
        assertThat(jobClasses).hasSize(5);
        assertThat(SESSION_JOBS).containsOnlyKeys(jobClasses);
        for (String name : jobClasses) {
            Method main = Class.forName(name).getMethod("main", String[].class);
            assertThat(Modifier.isStatic(main.getModifiers())).as(name + ".main").isTrue();
            assertThat(SESSION_JOBS.get(name).at("/spec/job/jarURI").isMissingNode())
                    .as(name + ": the classes are on the cluster's classpath, no jar to upload")
                    .isTrue();
        }
    }

    @Test
    void argumentsParseWithTheJobOptions() {
        SESSION_JOBS.forEach(
                (name, job) -> {
                    Configuration conf = JobArguments.parse(args(job), TrafficJobOptions.all());
                    assertThat(conf.getOptional(TrafficJobOptions.OWNER)).as(name).isPresent();
                    assertThat(conf.getOptional(TrafficJobOptions.REGISTRY_TOKEN))
                            .as(name)
                            .isEmpty();
                    assertThat(conf.get(TrafficJobOptions.REGISTRY_TOKEN_FILE))
                            .as(name)
                            .endsWith("/" + conf.get(TrafficJobOptions.OWNER));
                    assertThat(conf.get(TrafficJobOptions.CAMERA_POLICY_TOPIC))
                            .as(name)
                            .isEqualTo(KafkaPolicyProvider.DEFAULT_TOPIC);
                    assertThat(conf.getOptional(TrafficJobOptions.PLACEMENT_TOPOLOGY))
                            .as(name)
                            .isPresent();
                    assertThat(Path.of(conf.get(TrafficJobOptions.DETECT_MODEL)).getFileName())
                            .as(name)
                            .hasToString("yolov8n.onnx");
                    conf.getOptional(TrafficJobOptions.AREAS)
                            .ifPresent(a -> assertThat(Area.parseAll(a)).as(name).hasSize(2));
                });
        assertThat(SESSION_JOBS.get(AreaTrafficJob.class.getName()).toString()).contains("--areas");
    }

    @Test
    void theCameraCatalogOfTheConfigMapLoads(@TempDir Path dir) throws Exception {
        JsonNode configMap =
                DOCUMENTS.stream()
                        .filter(
                                d ->
                                        d.path("kind").asText().equals("ConfigMap")
                                                && d.at("/metadata/name")
                                                        .asText()
                                                        .equals("flink-edge-cameras"))
                        .findFirst()
                        .orElseThrow();
        Path file =
                Files.writeString(
                        dir.resolve("cameras.yaml"), configMap.at("/data/cameras.yaml").asText());
        assertThat(DeviceCatalog.load(file).devices()).hasSize(2);
        SESSION_JOBS
                .values()
                .forEach(
                        job ->
                                assertThat(args(job))
                                        .containsSequence(
                                                "--cameras.catalog",
                                                "/etc/flink-edge/cameras/cameras.yaml"));
    }

    @Test
    void everyJobReadsItsOwnersKafkaLogin(@TempDir Path dir) throws IOException {
        Map<String, String> secretFiles = new TreeMap<>();
        for (JsonNode doc : DOCUMENTS) {
            if (doc.path("kind").asText().equals("Secret")
                    && doc.at("/metadata/name").asText().startsWith("flink-edge-kafka-client-")) {
                doc.path("stringData")
                        .fields()
                        .forEachRemaining(e -> secretFiles.put(e.getKey(), e.getValue().asText()));
            }
        }
        SESSION_JOBS.forEach(
                (name, job) -> {
                    Configuration conf = JobArguments.parse(args(job), TrafficJobOptions.all());
                    String owner = conf.get(TrafficJobOptions.OWNER);
                    Path mounted = Path.of(conf.get(TrafficJobOptions.KAFKA_PROPERTIES));
                    assertThat(mounted).as(name).hasToString(KAFKA_CLIENTS + owner + ".properties");
                    assertThat(conf.getOptional(TrafficJobOptions.KAFKA_BOOTSTRAP_SERVERS))
                            .as(name + ": the broker's address comes from the owner's file")
                            .isEmpty();
                    String content = secretFiles.get(mounted.getFileName().toString());
                    assertThat(content).as(name + ": a Secret holds " + mounted).isNotNull();
                    Path local = dir.resolve(owner + ".properties");
                    try {
                        Files.writeString(local, content);
                        Files.setPosixFilePermissions(
                                local, PosixFilePermissions.fromString("rw-------"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    conf.set(TrafficJobOptions.KAFKA_PROPERTIES, local.toString());
                    KafkaClientConfig kafka = TrafficJobOptions.kafka(conf);
                    assertThat(kafka.bootstrapServers())
                            .as(name)
                            .isEqualTo("flink-edge-kafka:9092");
                    assertThat(kafka.properties())
                            .as(name)
                            .containsEntry("security.protocol", "SASL_PLAINTEXT")
                            .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
                    assertThat(kafka.properties().get("sasl.jaas.config"))
                            .as(name)
                            .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule")
                            .contains(" username=\"" + owner + "\" ");
                });
    }

    @Test
    void aCameraStreamOfAnotherOwnerIsGrantedByAManifest() {
        List<String> grants = new ArrayList<>();
        for (JsonNode doc : DOCUMENTS) {
            if (doc.path("kind").asText().equals("Job")) {
                doc.at("/spec/template/spec/containers")
                        .forEach(c -> c.path("args").forEach(a -> grants.add(a.asText())));
            }
        }
        int foreign = 0;
        for (JsonNode job : SESSION_JOBS.values()) {
            Configuration conf = JobArguments.parse(args(job), TrafficJobOptions.all());
            String stream = conf.get(TrafficJobOptions.CAMERA_STREAM);
            if (stream.contains("/")) {
                foreign++;
                String owner = conf.get(TrafficJobOptions.OWNER);
                String vehicles =
                        stream.substring(0, stream.indexOf('/') + 1) + TrafficStreams.VEHICLES;
                assertThat(String.join(" ", grants))
                        .contains("streams grant " + stream + " " + owner)
                        .contains("streams grant " + vehicles + " " + owner);
            }
        }
        assertThat(foreign).as("attribute-recognition reads city-a's cameras").isEqualTo(1);
    }

    private static String[] args(JsonNode job) {
        List<String> args = new ArrayList<>();
        job.at("/spec/job/args").forEach(a -> args.add(a.asText()));
        return args.toArray(String[]::new);
    }
}
