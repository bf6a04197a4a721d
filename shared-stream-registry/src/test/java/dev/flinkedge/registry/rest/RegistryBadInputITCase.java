package dev.flinkedge.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.registry.errors.Errors;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.storage.RegistryConfig;
import dev.flinkedge.registry.storage.RegistryState;
import dev.flinkedge.registry.testutil.Http;
import dev.flinkedge.registry.testutil.Http.Response;
import dev.flinkedge.registry.testutil.RegistryInstance;
import dev.flinkedge.registry.testutil.Specs;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Every kind of bad request gets a 4xx naming what was wrong, and changes nothing. */
class RegistryBadInputITCase {

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final int MAX_BODY = 4096;
    private static RegistryInstance registry;
    private static Http http;
    private static String videoFp;

    @BeforeAll
    static void start() throws Exception {
        registry =
                RegistryInstance.start(
                        KAFKA.bootstrapServers(),
                        "_badinput",
                        Map.of(RegistryConfig.REST_MAX_REQUEST_BYTES, MAX_BODY));
        http = new Http(registry.app().uri());
        videoFp = registry.client("alice").create(Specs.raw("Video")).fingerprint();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        registry.close();
    }

    static Stream<Arguments> badCreates() {
        String op = "{\"name\":\"detect\",\"version\":\"1\"}";
        return Stream.of(
                Arguments.of(
                        "malformed JSON",
                        "{\"name\":\"x\",",
                        400,
                        Errors.MALFORMED_JSON,
                        "Malformed JSON"),
                Arguments.of("not an object", "[1,2]", 400, Errors.INVALID_FIELD, "(body)"),
                Arguments.of("empty body", "", 400, Errors.MALFORMED_JSON, "empty"),
                Arguments.of(
                        "trailing garbage",
                        "{\"name\":\"x\",\"type\":\"VIRTUAL\"} x",
                        400,
                        Errors.MALFORMED_JSON,
                        "Malformed JSON"),
                Arguments.of(
                        "unknown field",
                        "{\"name\":\"x\",\"type\":\"VIRTUAL\",\"colour\":1}",
                        400,
                        Errors.UNKNOWN_FIELD,
                        "'colour'"),
                Arguments.of(
                        "misspelt field hidden behind a missing one",
                        "{\"name\":\"x\",\"type\":\"RAW\",\"sorce\":{\"devices\":[\"c\"]}}",
                        400,
                        Errors.UNKNOWN_FIELD,
                        "'sorce'"),
                Arguments.of(
                        "unknown nested field",
                        "{\"name\":\"x\",\"type\":\"DERIVED\","
                                + "\"lineage\":{\"operator\":"
                                + op
                                + ",\"parents\":[\"alice/Video\"],"
                                + "\"extra\":true}}",
                        400,
                        Errors.UNKNOWN_FIELD,
                        "'lineage.extra'"),
                Arguments.of(
                        "owner is not the caller's to set",
                        "{\"name\":\"x\",\"type\":\"VIRTUAL\",\"owner\":\"bob\"}",
                        400,
                        Errors.UNKNOWN_FIELD,
                        "'owner'"),
                Arguments.of(
                        "bad name",
                        "{\"name\":\"9lives\",\"type\":\"VIRTUAL\"}",
                        400,
                        Errors.INVALID_FIELD,
                        "'name'"),
                Arguments.of(
                        "missing name",
                        "{\"type\":\"VIRTUAL\"}",
                        400,
                        Errors.INVALID_FIELD,
                        "'name'"),
                Arguments.of(
                        "bad enum",
                        "{\"name\":\"x\",\"type\":\"COOKED\"}",
                        400,
                        Errors.INVALID_FIELD,
                        "'type'"),
                Arguments.of(
                        "invalid WKT",
                        "{\"name\":\"x\",\"type\":\"RAW\",\"source\":"
                                + "{\"areas\":[\"POLYGON((0 0, 1 1))\"]}}",
                        400,
                        Errors.INVALID_FIELD,
                        "source.areas[0]"),
                Arguments.of(
                        "self-intersecting area",
                        "{\"name\":\"x\",\"type\":\"RAW\","
                                + "\"source\":{\"areas\":[\"POLYGON((0 0, 2 2, 2 0, 0 2, 0 0))\"]}}",
                        400,
                        Errors.INVALID_FIELD,
                        "source.areas[0]"),
                Arguments.of(
                        "parent does not exist",
                        "{\"name\":\"x\",\"type\":\"DERIVED\","
                                + "\"lineage\":{\"operator\":"
                                + op
                                + ",\"parents\":[\"alice/Nope\"]}}",
                        400,
                        Errors.UNKNOWN_PARENT,
                        "lineage.parents[0]"),
                Arguments.of(
                        "parent fingerprint unknown",
                        "{\"name\":\"x\",\"type\":\"DERIVED\","
                                + "\"lineage\":{\"operator\":"
                                + op
                                + ",\"parents\":[\""
                                + "0".repeat(64)
                                + "\"]}}",
                        400,
                        Errors.UNKNOWN_PARENT,
                        "lineage.parents[0]"),
                Arguments.of(
                        "lineage cycle",
                        "{\"name\":\"Loop\",\"type\":\"DERIVED\","
                                + "\"lineage\":{\"operator\":"
                                + op
                                + ",\"parents\":[\"alice/Video\","
                                + "\"alice/Loop\"]}}",
                        400,
                        Errors.LINEAGE_CYCLE,
                        "own ancestor"),
                Arguments.of(
                        "window slide longer than size",
                        "{\"name\":\"x\",\"type\":"
                                + "\"VIRTUAL\",\"window\":{\"type\":\"SLIDING\",\"sizeMs\":10,"
                                + "\"slideMs\":20}}",
                        400,
                        Errors.INVALID_FIELD,
                        "window.slideMs"),
                Arguments.of(
                        "oversize body",
                        "{\"name\":\"x\",\"type\":\"VIRTUAL\",\"payloadType\":\""
                                + "p".repeat(MAX_BODY)
                                + "\"}",
                        413,
                        Errors.BODY_TOO_LARGE,
                        String.valueOf(MAX_BODY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCreates")
    void badCreateIsRefusedAndChangesNothing(
            String what, String body, int status, int errorCode, String messagePart) {
        RegistryState state = registry.app().service().state();
        long offsetBefore = state.appliedOffset();
        List<StreamDescriptor> before = state.all();

        Response r = http.call("POST", "/v1/streams", "alice", body);

        assertThat(r.status()).as(what + ": " + r.raw()).isEqualTo(status);
        assertThat(r.errorCode()).as(what).isEqualTo(errorCode);
        assertThat(r.body().path("message").asText()).as(what).contains(messagePart);
        assertThat(state.appliedOffset()).as("no record written").isEqualTo(offsetBefore);
        assertThat(state.all()).isEqualTo(before);
    }

    @Test
    void otherBodiesAreCheckedToo() {
        long offsetBefore = registry.app().service().state().appliedOffset();
        Response grant =
                http.call(
                        "POST",
                        "/v1/streams/alice/Video/grants",
                        "alice",
                        "{\"grantee\":\"not valid!\"}");
        assertThat(grant.status()).isEqualTo(400);
        assertThat(grant.body().path("message").asText()).contains("'grantee'");
        Response self =
                http.call(
                        "POST",
                        "/v1/streams/alice/Video/grants",
                        "alice",
                        "{\"grantee\":\"alice\"}");
        assertThat(self.status()).isEqualTo(400);
        Response lease =
                http.call(
                        "POST",
                        "/v1/streams/alice/Video/subscriptions",
                        "alice",
                        "{\"jobId\":\"j\",\"leaseSeconds\":999999}");
        assertThat(lease.status()).isEqualTo(400);
        assertThat(lease.body().path("message").asText()).contains("leaseSeconds");
        Response active =
                http.call(
                        "PUT",
                        "/v1/streams/alice/Video/status",
                        "alice",
                        "{\"status\":\"ACTIVE\"}");
        assertThat(active.status()).isEqualTo(400);
        assertThat(active.body().path("message").asText()).contains("'producer'");
        Response type = http.call("GET", "/v1/streams?type=SOUP", "alice", null);
        assertThat(type.status()).isEqualTo(400);
        assertThat(http.call("GET", "/v1/fingerprints/xyz", "alice", null).status()).isEqualTo(400);
        assertThat(http.call("GET", "/v1/nothing", "alice", null).status()).isEqualTo(404);
        assertThat(http.call("PATCH", "/v1/streams", "alice", "{}").status()).isEqualTo(405);
        assertThat(registry.app().service().state().appliedOffset()).isEqualTo(offsetBefore);
    }

    @Test
    void conflictsCarryTheExistingStream() {
        Response again =
                http.call(
                        "POST",
                        "/v1/streams",
                        "alice",
                        "{\"name\":\"Video\",\"type\":\"RAW\",\"source\":{\"devices\":[\"cam-9\"]}}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo(Errors.STREAM_EXISTS);
        assertThat(again.body().path("existing").path("fingerprint").asText()).isEqualTo(videoFp);

        String lineage =
                "\"lineage\":{\"operator\":{\"name\":\"detect\",\"version\":\"1\"},"
                        + "\"parents\":[\"alice/Video\"]}";
        assertThat(
                        http.call(
                                        "POST",
                                        "/v1/streams",
                                        "alice",
                                        "{\"name\":\"CarsA\",\"type\":\"DERIVED\"," + lineage + "}")
                                .status())
                .isEqualTo(201);
        Response sameFp =
                http.call(
                        "POST",
                        "/v1/streams",
                        "alice",
                        "{\"name\":\"CarsB\",\"type\":\"DERIVED\"," + lineage + "}");
        assertThat(sameFp.status()).isEqualTo(409);
        assertThat(sameFp.errorCode()).isEqualTo(Errors.FINGERPRINT_EXISTS);
        assertThat(sameFp.body().path("existing").path("name").asText()).isEqualTo("CarsA");
    }
}
