package dev.flinkedge.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;

import dev.flinkedge.kafka.EmbeddedKafka;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.errors.Errors;
import dev.flinkedge.registry.errors.RegistryUnavailableException;
import dev.flinkedge.registry.json.RegistryJson;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.storage.RegistryConfig;
import dev.flinkedge.registry.testutil.RegistryInstance;
import dev.flinkedge.registry.testutil.Specs;
import dev.flinkedge.registry.testutil.Wait;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What clients see when the registry's Kafka cluster goes away: writes answer 503 with {@code
 * Retry-After} within the configured bound, health turns DOWN naming Kafka, reads keep working.
 * Each test stops its own broker. The answers are checked against docs/registry-openapi.yaml too,
 * since RegistryOpenApiITCase runs on a broker that stays up.
 */
class RegistryAvailabilityITCase {

    private static final long WRITE_BLOCK_MS = 1_000;
    private static final int RETRY_AFTER_S = 7;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private EmbeddedKafka kafka;
    private RegistryInstance registry;

    @BeforeEach
    void start() throws Exception {
        kafka = EmbeddedKafka.builder().baseDir(Path.of("target", "kafka")).start();
        registry =
                RegistryInstance.start(
                        kafka.bootstrapServers(),
                        "_avail",
                        Map.of(
                                RegistryConfig.WRITE_BLOCK_MS, WRITE_BLOCK_MS,
                                RegistryConfig.PROBE_TIMEOUT_MS, 500L,
                                RegistryConfig.UNAVAILABLE_RETRY_AFTER_SECONDS, RETRY_AFTER_S));
    }

    @AfterEach
    void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void healthIsUpWithTheAppliedOffsetWhileKafkaAnswers() throws Exception {
        registry.client("alice").create(Specs.raw("Video", "cam-1"));

        HttpResponse<String> r = get("/v1/health");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = RegistryJson.STRICT.readTree(r.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.path("kafka").path("reachable").asBoolean()).isTrue();
        assertThat(body.path("kafka").path("bootstrap_servers").asText())
                .isEqualTo(kafka.bootstrapServers());
        assertThat(body.path("log_reader").path("alive").asBoolean()).isTrue();
        assertThat(body.path("applied_offset").asLong()).isGreaterThanOrEqualTo(0);
        assertKeepsTheContract("GET", "/v1/health", r);
    }

    @Test
    void writesWhileKafkaIsDownFailFastWith503AndRetryAfter() throws Exception {
        RegistryClient alice = registry.client("alice");
        StreamDescriptor video = alice.create(Specs.raw("Video", "cam-1"));
        String bootstrap = kafka.bootstrapServers();
        kafka.close();

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> alice.create(Specs.raw("Audio", "mic-1")))
                .isInstanceOfSatisfying(
                        RegistryUnavailableException.class,
                        e -> {
                            assertThat(e.httpStatus()).isEqualTo(503);
                            assertThat(e.errorCode()).isEqualTo(Errors.STORE_UNAVAILABLE);
                            assertThat(e.retryAfterSeconds()).hasValue(RETRY_AFTER_S);
                            assertThat(e.getMessage())
                                    .contains("Kafka at " + bootstrap)
                                    .contains("you may retry after " + RETRY_AFTER_S + " s");
                        });
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        // Bounded by the probe (500 ms) or the producer's block (1 s), not by the 30 s of old.
        assertThat(took).isLessThan(Duration.ofSeconds(5));

        HttpResponse<String> raw =
                send(
                        HttpRequest.newBuilder(registry.app().uri().resolve("/v1/streams"))
                                .header(
                                        "Authorization",
                                        "Bearer " + RegistryInstance.token("alice"))
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                RegistryJson.STRICT.writeValueAsString(
                                                        Specs.raw("Radar", "r-1")))));
        assertThat(raw.statusCode()).isEqualTo(503);
        assertThat(raw.headers().firstValue("Retry-After")).hasValue("" + RETRY_AFTER_S);
        assertThat(RegistryJson.STRICT.readTree(raw.body()).path("error_code").asInt())
                .isEqualTo(Errors.STORE_UNAVAILABLE);
        assertKeepsTheContract("POST", "/v1/streams", raw);

        // Reads are served from the view.
        assertThat(alice.describe(video.ref()).fingerprint()).isEqualTo(video.fingerprint());
    }

    @Test
    void writesAndHealthRecoverOnceKafkaIsBack() throws Exception {
        RegistryClient alice = registry.client("alice");
        alice.create(Specs.raw("Video", "cam-1"));
        kafka.stopBroker();
        assertThatThrownBy(() -> alice.create(Specs.raw("Audio", "mic-1")))
                .isInstanceOf(RegistryUnavailableException.class);
        assertThatThrownBy(() -> alice.create(Specs.raw("Radar", "r-1")))
                .isInstanceOf(RegistryUnavailableException.class);

        kafka.startBroker();

        Wait.until(
                () -> registry.client("alice").isHealthy(),
                Duration.ofSeconds(30),
                "health to be UP again");
        StreamDescriptor later = alice.create(Specs.raw("Lidar", "l-1"));
        assertThat(alice.describe(later.ref()).fingerprint()).isEqualTo(later.fingerprint());
        assertThat(get("/v1/health").statusCode()).isEqualTo(200);
    }

    @Test
    void healthIsDownNamingKafkaOnceItIsUnreachable() throws Exception {
        kafka.close();

        HttpResponse<String> r = get("/v1/health");

        assertThat(r.statusCode()).isEqualTo(503);
        JsonNode body = RegistryJson.STRICT.readTree(r.body());
        assertThat(body.path("status").asText()).isEqualTo("DOWN");
        assertThat(body.path("kafka").path("reachable").asBoolean()).isFalse();
        assertThat(body.path("kafka").path("error").asText()).isNotBlank();
        assertThat(body.path("log_reader").path("alive").asBoolean()).isTrue();
        assertThat(registry.client("alice").isHealthy()).isFalse();
        assertKeepsTheContract("GET", "/v1/health", r);
    }

    private static void assertKeepsTheContract(
            String method, String path, HttpResponse<String> answer) throws Exception {
        OpenApiContract contract = OpenApiContract.load();
        OpenApiContract.Operation op = contract.operation(method, path).orElseThrow();
        assertThat(
                        contract.checkAnswer(
                                op,
                                answer.statusCode(),
                                RegistryJson.STRICT.readTree(answer.body())))
                .as(
                        "%s %s -> %s breaks %s",
                        method, path, answer.statusCode(), OpenApiContract.FILE)
                .isEmpty();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(registry.app().uri().resolve(path)).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(
                request.timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
