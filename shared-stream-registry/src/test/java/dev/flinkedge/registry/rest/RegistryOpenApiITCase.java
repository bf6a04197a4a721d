package dev.flinkedge.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.registry.errors.Errors;
import dev.flinkedge.registry.storage.RegistryConfig;
import dev.flinkedge.registry.testutil.Http;
import dev.flinkedge.registry.testutil.Http.Response;
import dev.flinkedge.registry.testutil.RegistryInstance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code docs/registry-openapi.yaml} is the contract of the running code: its paths are exactly the
 * routes {@link RegistryRestServer} serves (with the same authentication), its error codes are
 * exactly the constants of {@link Errors}, and every answer of a real registry to a walk through
 * all endpoints — successes and each error a client can provoke — has a documented status and
 * validates against the documented schema.
 */
class RegistryOpenApiITCase {

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final String TOPIC = "_openapi";
    private static final int MAX_BODY = 4096;

    /**
     * Codes that no request can provoke from a healthy registry; every other one is provoked.
     * STORE_UNAVAILABLE needs Kafka stopped: RegistryAvailabilityITCase provokes it and checks the
     * answer against the contract.
     */
    private static final Set<Integer> NOT_PROVOKED =
            Set.of(
                    Errors.BAD_REQUEST,
                    Errors.STORE_ERROR,
                    Errors.STORE_TIMEOUT,
                    Errors.INTERNAL,
                    Errors.UNREACHABLE,
                    Errors.STORE_UNAVAILABLE);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RegistryInstance registry;
    private static Http http;
    private static OpenApiContract contract;

    private final List<String> violations = new ArrayList<>();
    private final Set<Integer> provokedCodes = new TreeSet<>();
    private final Set<String> succeeded = new TreeSet<>();

    @BeforeAll
    static void start() throws Exception {
        contract = OpenApiContract.load();
        registry =
                RegistryInstance.start(
                        KAFKA.bootstrapServers(),
                        TOPIC,
                        Map.of(RegistryConfig.REST_MAX_REQUEST_BYTES, MAX_BODY));
        http = new Http(registry.app().uri());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        registry.close();
    }

    @Test
    void pathsAreExactlyTheServedRoutesWithTheSameAuthentication() {
        Map<String, Boolean> served = new TreeMap<>();
        for (RegistryRestServer.Endpoint e : registry.app().endpoints()) {
            served.put(e.method() + " " + e.pathRegex(), e.authenticated());
        }
        Map<String, Boolean> documented = new TreeMap<>();
        for (OpenApiContract.Operation op : contract.operations()) {
            documented.put(
                    op.method() + " " + OpenApiContract.regexOf(op.template()),
                    contract.authenticated(op));
        }

        assertThat(documented)
                .as(
                        "the paths of %s (left) must be the routes of RegistryRestServer (right)",
                        OpenApiContract.FILE)
                .isEqualTo(served);
    }

    @Test
    void operationsHaveUniqueIdsAndDocumentAuthenticationFailures() {
        List<String> ids =
                contract.operations().stream().map(OpenApiContract.Operation::id).toList();
        assertThat(ids).doesNotContain("").doesNotHaveDuplicates();
        for (OpenApiContract.Operation op : contract.operations()) {
            assertThat(op.node().path("responses").has("401"))
                    .as("%s documents 401 exactly when it needs a token", op.id())
                    .isEqualTo(contract.authenticated(op));
        }
    }

    @Test
    void errorCodesAreExactlyTheConstantsOfErrors() throws IllegalAccessException {
        Map<String, Integer> constants = new TreeMap<>();
        for (Field f : Errors.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                constants.put(f.getName(), f.getInt(null));
            }
        }

        assertThat(constants).hasSizeGreaterThan(20);
        assertThat(contract.errorCodes())
                .as(
                        "components.schemas.ErrorCode.oneOf (title: const) of %s must be the int"
                                + " constants of Errors",
                        OpenApiContract.FILE)
                .isEqualTo(constants);
    }

    @Test
    void realAnswersHaveDocumentedStatusesAndValidateAgainstTheSchemas() throws Exception {
        expect(200, 0, "GET", "/v1/health", null, null);

        // Creation: each stream type, each window kind, both source kinds.
        expect(
                201,
                0,
                "POST",
                "/v1/streams",
                "alice",
                "{\"name\":\"Video\",\"type\":\"RAW\","
                        + "\"source\":{\"devices\":[\"cam-1\",\"cam-2\"]}}");
        expect(
                201,
                0,
                "POST",
                "/v1/streams",
                "alice",
                "{\"name\":\"Zone\",\"type\":\"RAW\","
                        + "\"source\":{\"areas\":"
                        + "[\"POLYGON((11.5 48.1, 11.6 48.1, 11.6 48.2, 11.5 48.1))\"]},"
                        + "\"window\":{\"type\":\"FIXED\",\"sizeMs\":1000},\"serializer\":\"JSON\","
                        + "\"guarantee\":\"AT_LEAST_ONCE\",\"durable\":true,\"partitions\":2}");
        expect(
                201,
                0,
                "POST",
                "/v1/streams",
                "alice",
                "{\"name\":\"View\",\"type\":\"VIRTUAL\","
                        + "\"window\":{\"type\":\"SLIDING\",\"sizeMs\":2000,\"slideMs\":1000}}");
        String detect =
                "{\"name\":\"detect\",\"version\":\"1\",\"params\":{\"model\":\"yolov8n\"}}";
        String carsSpec =
                "{\"name\":\"Cars\",\"type\":\"DERIVED\",\"payloadType\":"
                        + "\"dev.flinkedge.Vehicle\",\"lineage\":{\"operator\":"
                        + detect
                        + ",\"parents\":[\"alice/Video\"]}}";
        Response cars = expect(201, 0, "POST", "/v1/streams", "alice", carsSpec);
        String carsFp = cars.body().path("fingerprint").asText();
        String videoFp = cars.body().at("/lineage/parents/0").asText();

        expect(409, Errors.STREAM_EXISTS, "POST", "/v1/streams", "alice", carsSpec);
        expect(
                409,
                Errors.FINGERPRINT_EXISTS,
                "POST",
                "/v1/streams",
                "alice",
                "{\"name\":\"Cars2\",\"type\":\"DERIVED\",\"lineage\":{\"operator\":"
                        + detect
                        + ",\"parents\":[\""
                        + videoFp
                        + "\"]}}");
        expect(
                400,
                Errors.UNKNOWN_PARENT,
                "POST",
                "/v1/streams",
                "bob",
                "{\"name\":\"Mine\",\"type\":\"DERIVED\",\"lineage\":{\"operator\":"
                        + detect
                        + ",\"parents\":[\"alice/Video\"]}}");
        expect(400, Errors.MALFORMED_JSON, "POST", "/v1/streams", "alice", "{\"name\":");
        expect(
                400,
                Errors.UNKNOWN_FIELD,
                "POST",
                "/v1/streams",
                "alice",
                "{\"name\":\"x\",\"type\":\"VIRTUAL\",\"colour\":1}");
        expect(
                400,
                Errors.INVALID_FIELD,
                "POST",
                "/v1/streams",
                "alice",
                "{\"name\":\"9lives\",\"type\":\"VIRTUAL\"}");
        expect(
                400,
                Errors.UNKNOWN_PARENT,
                "POST",
                "/v1/streams",
                "alice",
                "{\"name\":\"x\",\"type\":\"DERIVED\",\"lineage\":{\"operator\":"
                        + detect
                        + ",\"parents\":[\"alice/Nope\"]}}");
        expect(
                400,
                Errors.LINEAGE_CYCLE,
                "POST",
                "/v1/streams",
                "alice",
                "{\"name\":\"Loop\",\"type\":\"DERIVED\",\"lineage\":{\"operator\":"
                        + detect
                        + ",\"parents\":[\"alice/Loop\"]}}");
        expect(
                413,
                Errors.BODY_TOO_LARGE,
                "POST",
                "/v1/streams",
                "alice",
                "{\"name\":\"x\",\"type\":\"VIRTUAL\",\"payloadType\":\""
                        + "p".repeat(MAX_BODY)
                        + "\"}");
        record(
                http.callWithHeaders(
                        "POST",
                        "/v1/streams",
                        Map.of(
                                "Authorization",
                                "Bearer " + RegistryInstance.token("alice"),
                                "Content-Type",
                                "text/plain"),
                        "name=x"),
                415,
                Errors.UNSUPPORTED_MEDIA_TYPE,
                "POST",
                "/v1/streams",
                null);
        expect(401, Errors.MISSING_TOKEN, "POST", "/v1/streams", null, carsSpec);
        record(
                http.callWithHeader("GET", "/v1/streams", "Bearer not-a-known-token", null),
                401,
                Errors.UNKNOWN_TOKEN,
                "GET",
                "/v1/streams",
                null);

        // Reading.
        expect(200, 0, "GET", "/v1/streams", "alice", null);
        expect(200, 0, "GET", "/v1/streams?owner=alice&type=raw", "alice", null);
        expect(400, Errors.INVALID_FIELD, "GET", "/v1/streams?type=COOKED", "alice", null);
        expect(200, 0, "GET", "/v1/streams/alice/Video", "alice", null);
        expect(404, Errors.STREAM_NOT_FOUND, "GET", "/v1/streams/alice/Video", "eve", null);
        expect(404, Errors.STREAM_NOT_FOUND, "GET", "/v1/streams/alice/Nope", "alice", null);

        // Status.
        String active =
                "{\"status\":\"ACTIVE\",\"producer\":{\"jobId\":\"job-a\",\"site\":\"edge-1\"}}";
        expect(200, 0, "PUT", "/v1/streams/alice/Cars/status", "alice", active);
        expect(
                200,
                0,
                "PUT",
                "/v1/streams/alice/Video/status",
                "alice",
                "{\"status\":\"ACTIVE\",\"producer\":{\"jobId\":\"job-v\",\"site\":null}}");
        expect(
                400,
                Errors.INVALID_FIELD,
                "PUT",
                "/v1/streams/alice/View/status",
                "alice",
                "{\"status\":\"ACTIVE\"}");
        expect(404, Errors.STREAM_NOT_FOUND, "PUT", "/v1/streams/alice/Cars/status", "bob", active);
        expect(
                404,
                Errors.STREAM_NOT_FOUND,
                "PUT",
                "/v1/streams/alice/Nope/status",
                "alice",
                active);

        // Resolving fingerprints.
        expect(200, 0, "GET", "/v1/fingerprints/" + carsFp, "alice", null);
        expect(404, Errors.FINGERPRINT_NOT_FOUND, "GET", "/v1/fingerprints/" + carsFp, "eve", null);
        expect(400, Errors.INVALID_FIELD, "GET", "/v1/fingerprints/xyz", "alice", null);

        // Grants.
        expect(201, 0, "POST", "/v1/streams/alice/Cars/grants", "alice", "{\"grantee\":\"bob\"}");
        expect(
                404,
                Errors.STREAM_NOT_FOUND,
                "POST",
                "/v1/streams/alice/Cars/grants",
                "eve",
                "{\"grantee\":\"eve\"}");
        expect(
                400,
                Errors.INVALID_FIELD,
                "POST",
                "/v1/streams/alice/Cars/grants",
                "alice",
                "{\"grantee\":\"alice\"}");
        expect(200, 0, "GET", "/v1/streams/alice/Cars", "bob", null);

        // Subscriptions.
        Response sub =
                expect(
                        201,
                        0,
                        "POST",
                        "/v1/streams/alice/Cars/subscriptions",
                        "bob",
                        "{\"jobId\":\"job-b\",\"leaseSeconds\":60}");
        String subPath = "/v1/streams/alice/Cars/subscriptions/" + sub.body().path("id").asText();
        expect(
                201,
                0,
                "POST",
                "/v1/streams/alice/Cars/subscriptions",
                "alice",
                "{\"jobId\":\"job-a2\"}");
        expect(
                404,
                Errors.STREAM_NOT_FOUND,
                "POST",
                "/v1/streams/alice/Cars/subscriptions",
                "eve",
                "{\"jobId\":\"job-e\"}");
        expect(200, 0, "PUT", subPath, "bob", null);
        expect(404, Errors.STREAM_NOT_FOUND, "PUT", subPath, "eve", null);
        expect(
                404,
                Errors.SUBSCRIPTION_NOT_FOUND,
                "PUT",
                "/v1/streams/alice/Cars/subscriptions/no-such-id",
                "bob",
                null);
        expect(200, 0, "GET", "/v1/streams/alice/Cars", "alice", null);
        expect(409, Errors.LIVE_SUBSCRIPTIONS, "DELETE", "/v1/streams/alice/Cars", "alice", null);
        expect(204, 0, "DELETE", subPath, "bob", null);

        // Production leases.
        String production = "/v1/streams/alice/Cars/production/";
        expect(200, 0, "PUT", production + "job-a", "alice", null);
        expect(409, Errors.NOT_LEASE_HOLDER, "PUT", production + "job-x", "alice", null);
        expect(403, Errors.NOT_OWNER, "PUT", production + "job-a", "bob", null);
        expect(
                404,
                Errors.STREAM_NOT_FOUND,
                "PUT",
                "/v1/streams/alice/Nope/production/j",
                "alice",
                null);
        expect(409, Errors.NOT_LEASE_HOLDER, "DELETE", production + "job-x", "alice", null);
        expect(204, 0, "DELETE", production + "job-a", "alice", null);

        // Revocation.
        expect(
                404,
                Errors.GRANT_NOT_FOUND,
                "DELETE",
                "/v1/streams/alice/Cars/grants/carol",
                "alice",
                null);
        expect(204, 0, "DELETE", "/v1/streams/alice/Cars/grants/bob", "alice", null);

        // The end of a stream.
        expect(
                200,
                0,
                "PUT",
                "/v1/streams/alice/Cars/status",
                "alice",
                "{\"status\":\"ORPHANED\"}");
        expect(200, 0, "PUT", "/v1/streams/alice/Cars/status", "alice", "{\"status\":\"RETIRED\"}");
        expect(409, Errors.ILLEGAL_STATUS, "PUT", "/v1/streams/alice/Cars/status", "alice", active);
        expect(
                409,
                Errors.ILLEGAL_STATUS,
                "POST",
                "/v1/streams/alice/Cars/subscriptions",
                "alice",
                "{\"jobId\":\"job-late\"}");
        expect(204, 0, "DELETE", "/v1/streams/alice/Cars?force=true", "alice", null);

        // No such endpoint, no such method.
        expect(404, Errors.ROUTE_NOT_FOUND, "GET", "/v1/nothing", "alice", null);
        expect(405, Errors.METHOD_NOT_ALLOWED, "PATCH", "/v1/streams", "alice", null);

        // A newer instance on the same topic fences this one: reads only.
        try (RegistryInstance newer = RegistryInstance.start(KAFKA.bootstrapServers(), TOPIC)) {
            expect(
                    503,
                    Errors.FENCED,
                    "POST",
                    "/v1/streams",
                    "alice",
                    "{\"name\":\"Late\",\"type\":\"VIRTUAL\"}");
            Response health = expect(200, 0, "GET", "/v1/health", null, null);
            assertThat(health.body().path("status").asText()).isEqualTo("UP_READ_ONLY");
        }

        assertThat(violations).as("answers that break %s", OpenApiContract.FILE).isEmpty();
        assertThat(succeeded)
                .as("operations answered with a 2xx")
                .isEqualTo(
                        contract.operations().stream()
                                .map(OpenApiContract.Operation::id)
                                .collect(Collectors.toCollection(TreeSet::new)));
        Set<Integer> provokable = new TreeSet<>(contract.errorCodes().values());
        provokable.removeAll(NOT_PROVOKED);
        assertThat(provokedCodes).as("error codes provoked").isEqualTo(provokable);
    }

    /** Calls the API as {@code principal} (null: no token) and checks the answer. */
    private Response expect(
            int status,
            int errorCode,
            String method,
            String pathAndQuery,
            String principal,
            String body)
            throws IOException {
        return record(
                http.call(method, pathAndQuery, principal, body),
                status,
                errorCode,
                method,
                pathAndQuery,
                body);
    }

    /**
     * Asserts the status and error code the walk expects, then records whether the exchange keeps
     * the contract: a documented status, an answer valid against its schema and, for accepted
     * requests, a request body valid against the request schema.
     */
    private Response record(
            Response r, int status, int errorCode, String method, String pathAndQuery, String body)
            throws IOException {
        String call = method + " " + pathAndQuery;
        assertThat(r.status()).as("%s answered %s", call, r.raw()).isEqualTo(status);
        assertThat(r.errorCode()).as("error_code of %s", call).isEqualTo(errorCode);
        if (errorCode != 0) {
            provokedCodes.add(errorCode);
        }
        String path = pathAndQuery.replaceFirst("\\?.*", "");
        Optional<OpenApiContract.Operation> op = contract.operation(method, path);
        List<String> problems = new ArrayList<>();
        if (op.isEmpty()) {
            problems.addAll(contract.checkSchema("Error", r.body()));
            int expected = contract.pathKnown(path) ? 405 : 404;
            if (status != expected) {
                problems.add("an undocumented operation must answer " + expected);
            }
        } else {
            problems.addAll(contract.checkAnswer(op.get(), status, r.body()));
            if (status / 100 == 2) {
                succeeded.add(op.get().id());
                if (body != null) {
                    problems.addAll(contract.checkRequest(op.get(), JSON.readTree(body)));
                }
            }
        }
        problems.forEach(p -> violations.add(call + " -> " + status + ": " + p));
        return r;
    }
}
