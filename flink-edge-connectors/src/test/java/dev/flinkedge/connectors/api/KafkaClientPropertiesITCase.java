package dev.flinkedge.connectors.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.connectors.policy.PolicyChanges;
import dev.flinkedge.connectors.runtime.StreamClientIds;
import dev.flinkedge.connectors.runtime.StreamTopics;
import dev.flinkedge.connectors.sink.ResultSinks;
import dev.flinkedge.connectors.source.generated.GeneratedCameras;
import dev.flinkedge.connectors.testutil.CollectingSink;
import dev.flinkedge.connectors.testutil.RecordingMetricsReporter;
import dev.flinkedge.connectors.testutil.SharingFixture;
import dev.flinkedge.connectors.testutil.Tagged;
import dev.flinkedge.connectors.testutil.TaggingOperator;
import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.kafka.KafkaClientConfig;
import dev.flinkedge.registry.model.SourceSpec;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.testutil.Wait;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Jobs built through {@link EdgeStreams} with an owner's Kafka client properties file give its
 * properties to every Kafka client they create: the tap, the shared source, the registry watcher, a
 * result sink and a policy reader. A recording metrics reporter, named in the file as {@code
 * metric.reporters}, sees each client that received the file's properties.
 */
class KafkaClientPropertiesITCase {

    @Order(1)
    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @Order(2)
    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(8)
                            .build());

    private static final Logger LOG = LoggerFactory.getLogger(KafkaClientPropertiesITCase.class);
    private static final String REGISTRY_TOPIC = "_client_props";
    private static final String MARKER = "metadata.max.age.ms";
    private static final String MARKER_VALUE = "123457";
    private static SharingFixture fixture;

    @TempDir static Path dir;

    @BeforeAll
    static void start() throws Exception {
        fixture = new SharingFixture(KAFKA.bootstrapServers(), REGISTRY_TOPIC);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        fixture.close();
    }

    private static EdgeStreams plan(SharedChannel channel) {
        StreamExecutionEnvironment env = SharingFixture.environment();
        return EdgeStreams.on(env, fixture.client("alice"), "alice")
                .withChannel(channel)
                .withRawSources(new GeneratedCameras(10));
    }

    @Test
    void everyKafkaClientOfAJobGetsThePropertiesOfTheFile() throws Exception {
        Path file = dir.resolve("alice-kafka.properties");
        Files.writeString(
                file,
                "bootstrap.servers="
                        + KAFKA.bootstrapServers()
                        + "\nmetric.reporters="
                        + RecordingMetricsReporter.class.getName()
                        + "\n"
                        + MARKER
                        + "="
                        + MARKER_VALUE
                        + "\n");
        KafkaClientConfig kafka = KafkaClientConfig.load(file);
        SharedChannel channel = fixture.channel("alice", kafka);
        fixture.client("alice")
                .create(
                        StreamSpec.builder("PropsVideo", StreamType.RAW)
                                .source(SourceSpec.devices(List.of("cam-1")))
                                .build());
        StreamTopics.ensure(kafka, Map.of("props-results", 1));

        EdgeStreams producer = plan(channel);
        EdgeStream<EdgeRecord<Tagged>> cars =
                producer.derive(
                        "PropsCars",
                        new TaggingOperator("detect"),
                        producer.<Frame>importStream("PropsVideo"));
        cars.sinkTo(new CollectingSink<>("props-producer"));
        PolicyChanges.stream(producer.env(), kafka, "props-policies")
                .sinkTo(new CollectingSink<>("props-policies"));
        JobClient producing = producer.execute("props producer");

        EdgeStreams reader = plan(channel);
        EdgeStream<EdgeRecord<Tagged>> reused =
                reader.derive(
                        "PropsCars",
                        new TaggingOperator("detect"),
                        reader.<Frame>importStream("PropsVideo"));
        assertThat(reader.reusedStreams()).containsExactly(new StreamRef("alice", "PropsCars"));
        reader.derive("PropsAttrs", new TaggingOperator("attributes"), reused)
                .sinkTo(ResultSinks.kafkaJson(kafka, "props-results"));
        JobClient reading = reader.execute("props reader");

        StreamRef carsRef = new StreamRef("alice", "PropsCars");
        String tap = StreamClientIds.tapClientId(carsRef);
        String sharedSource = StreamClientIds.readerClientIdPrefix("alice", carsRef) + "-0";
        String watcher = "flinkedge-watcher-" + REGISTRY_TOPIC;
        String policyReader = PolicyChanges.CLIENT_ID_PREFIX + "props-policies-0";
        List<String> expected = List.of(tap, sharedSource, watcher, policyReader);
        try {
            Wait.until(
                    () -> clientIds().containsAll(expected) && resultSinkStarted(),
                    Duration.ofSeconds(60),
                    "the jobs' Kafka clients to start with the file's properties");
        } finally {
            reading.cancel().get();
            producing.cancel().get();
        }

        List<Map<String, String>> configs = RecordingMetricsReporter.configs();
        LOG.info("Kafka clients that received the file's properties: {}", clientIds());
        assertThat(clientIds()).containsAll(expected);
        assertThat(resultSinkStarted()).as("the result sink's producer").isTrue();
        assertThat(configs)
                .allSatisfy(
                        c -> {
                            assertThat(c).containsEntry(MARKER, MARKER_VALUE);
                            assertThat(c.get("bootstrap.servers"))
                                    .isEqualTo(KAFKA.bootstrapServers());
                        });
    }

    /** Whether a producer other than a tap started: the result sink's, which names no client id. */
    private static boolean resultSinkStarted() {
        return RecordingMetricsReporter.configs().stream()
                .anyMatch(
                        c ->
                                c.containsKey("key.serializer")
                                        && !c.getOrDefault("client.id", "").contains(".tap."));
    }

    private static List<String> clientIds() {
        return RecordingMetricsReporter.configs().stream()
                .map(c -> c.get("client.id"))
                .filter(Objects::nonNull)
                .toList();
    }
}
