package dev.flinkedge.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.errors.Errors;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.testutil.Http;
import dev.flinkedge.registry.testutil.Http.Response;
import dev.flinkedge.registry.testutil.RegistryInstance;
import dev.flinkedge.registry.testutil.Specs;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The access matrix of every endpoint for the stream's owner (alice), a grantee (bob) and a
 * stranger (eve), plus authentication failures, over real HTTP against a real broker.
 */
class RegistryAccessITCase {

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static RegistryInstance registry;
    private static Http http;

    private String video;
    private String cars;
    private StreamDescriptor carsDescriptor;

    @BeforeAll
    static void start() throws Exception {
        registry = RegistryInstance.start(KAFKA.bootstrapServers(), "_access");
        http = new Http(registry.app().uri());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        registry.close();
    }

    /** alice owns a raw stream and an ACTIVE derived one; bob has grants on both; eve has none. */
    @BeforeEach
    void streams() {
        int n = SEQ.incrementAndGet();
        RegistryClient alice = registry.client("alice");
        video = "Video" + n;
        cars = "Cars" + n;
        alice.create(Specs.raw(video));
        StreamDescriptor c = alice.create(Specs.derived(cars, "detect", "alice/" + video));
        alice.setStatus(c.ref(), StreamStatus.ACTIVE, new Producer("job-x", "edge-1"));
        alice.grant(c.ref(), "bob");
        carsDescriptor = alice.grant(alice.describe(c.ref()).ref(), "bob");
    }

    private String carsPath() {
        return "/v1/streams/alice/" + cars;
    }

    @Test
    void healthNeedsNoToken() {
        Response r = http.call("GET", "/v1/health", null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void everyOtherEndpointNeedsAKnownToken() {
        String[][] calls = {
            {"GET", "/v1/streams"},
            {"POST", "/v1/streams"},
            {"GET", carsPath()},
            {"DELETE", carsPath()},
            {"PUT", carsPath() + "/status"},
            {"POST", carsPath() + "/grants"},
            {"DELETE", carsPath() + "/grants/bob"},
            {"POST", carsPath() + "/subscriptions"},
            {"PUT", carsPath() + "/subscriptions/x"},
            {"DELETE", carsPath() + "/subscriptions/x"},
            {"GET", "/v1/fingerprints/" + carsDescriptor.fingerprint()},
        };
        for (String[] c : calls) {
            Response none = http.callWithHeader(c[0], c[1], null, "{}");
            assertThat(none.status()).as("%s %s without token", c[0], c[1]).isEqualTo(401);
            assertThat(none.errorCode()).isEqualTo(Errors.MISSING_TOKEN);
            Response bad = http.callWithHeader(c[0], c[1], "Bearer not-a-real-token", "{}");
            assertThat(bad.status()).as("%s %s with unknown token", c[0], c[1]).isEqualTo(401);
            assertThat(bad.errorCode()).isEqualTo(Errors.UNKNOWN_TOKEN);
        }
        assertThat(registry.client("alice").describe(carsDescriptor.ref()).status())
                .isEqualTo(StreamStatus.ACTIVE);
    }

    @Test
    void describe() {
        assertThat(http.call("GET", carsPath(), "alice", null).status()).isEqualTo(200);
        Response bob = http.call("GET", carsPath(), "bob", null);
        assertThat(bob.status()).isEqualTo(200);
        assertThat(bob.body().path("fingerprint").asText()).isEqualTo(carsDescriptor.fingerprint());
        assertThat(http.call("GET", "/v1/streams/alice/Nope", "alice", null).status())
                .isEqualTo(404);
    }

    /**
     * Whoever may not read a stream gets the answer a missing stream gets, on every endpoint naming
     * it, so that stream names cannot be probed.
     */
    @Test
    void strangersCannotTellAStreamExists() {
        String subBody = "{\"jobId\":\"job-e\",\"leaseSeconds\":30}";
        String id =
                http.call("POST", carsPath() + "/subscriptions", "bob", subBody)
                        .body()
                        .path("id")
                        .asText();
        String[][] calls = {
            {"GET", ""},
            {"DELETE", ""},
            {"PUT", "/status", "{\"status\":\"ORPHANED\"}"},
            {"POST", "/grants", "{\"grantee\":\"eve\"}"},
            {"DELETE", "/grants/bob"},
            {"POST", "/subscriptions", subBody},
            {"PUT", "/subscriptions/" + id},
            {"DELETE", "/subscriptions/" + id},
            {"PUT", "/production/job-x"},
            {"DELETE", "/production/job-x"},
        };
        for (String[] c : calls) {
            String body = c.length > 2 ? c[2] : null;
            Response existing = http.call(c[0], carsPath() + c[1], "eve", body);
            Response missing = http.call(c[0], "/v1/streams/alice/Nope" + c[1], "eve", body);
            assertThat(existing.status()).as("%s %s as eve", c[0], c[1]).isEqualTo(404);
            assertThat(existing.errorCode()).isEqualTo(Errors.STREAM_NOT_FOUND);
            assertThat(existing.raw().replace(cars, "Nope"))
                    .as("%s %s as eve", c[0], c[1])
                    .isEqualTo(missing.raw());
        }
        assertThat(http.call("GET", carsPath(), "alice", null).status()).isEqualTo(200);
    }

    @Test
    void listShowsOwnAndGrantedOnly() {
        assertThat(names(http.call("GET", "/v1/streams?owner=alice", "alice", null)))
                .contains("alice/" + video, "alice/" + cars);
        // bob holds a grant on the derived stream only.
        assertThat(names(http.call("GET", "/v1/streams?owner=alice", "bob", null)))
                .contains("alice/" + cars)
                .doesNotContain("alice/" + video);
        assertThat(names(http.call("GET", "/v1/streams", "eve", null)))
                .noneMatch(n -> n.startsWith("alice/"));
        assertThat(names(http.call("GET", "/v1/streams?owner=alice&type=RAW", "alice", null)))
                .contains("alice/" + video)
                .doesNotContain("alice/" + cars);
    }

    private static java.util.List<String> names(Response r) {
        assertThat(r.status()).isEqualTo(200);
        java.util.List<String> out = new java.util.ArrayList<>();
        r.body().forEach(n -> out.add(n.path("owner").asText() + "/" + n.path("name").asText()));
        return out;
    }

    @Test
    void resolveByFingerprint() {
        String path = "/v1/fingerprints/" + carsDescriptor.fingerprint();
        Response alice = http.call("GET", path, "alice", null);
        assertThat(alice.status()).isEqualTo(200);
        assertThat(alice.body().get(0).path("name").asText()).isEqualTo(cars);
        assertThat(http.call("GET", path, "bob", null).status()).isEqualTo(200);
        Response eve = http.call("GET", path, "eve", null);
        assertThat(eve.status()).isEqualTo(404);
        assertThat(eve.errorCode()).isEqualTo(Errors.FINGERPRINT_NOT_FOUND);
    }

    @Test
    void onlyTheOwnerGrantsAndRevokes() {
        String grants = carsPath() + "/grants";
        assertThat(http.call("POST", grants, "bob", "{\"grantee\":\"eve\"}").status())
                .isEqualTo(403);
        assertThat(http.call("POST", grants, "eve", "{\"grantee\":\"eve\"}").status())
                .isEqualTo(404);
        Response ok = http.call("POST", grants, "alice", "{\"grantee\":\"eve\"}");
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.body().path("grants").toString()).contains("\"eve\"");
        assertThat(http.call("GET", carsPath(), "eve", null).status()).isEqualTo(200);

        assertThat(http.call("DELETE", grants + "/eve", "bob", null).status()).isEqualTo(403);
        // eve holds a grant now: she may know the stream exists, but only its owner revokes.
        assertThat(http.call("DELETE", grants + "/eve", "eve", null).status()).isEqualTo(403);
        assertThat(http.call("DELETE", grants + "/eve", "alice", null).status()).isEqualTo(204);
        assertThat(http.call("GET", carsPath(), "eve", null).status()).isEqualTo(404);
        assertThat(http.call("DELETE", grants + "/eve", "alice", null).status()).isEqualTo(404);
    }

    @Test
    void ownerAndGranteeSubscribeStrangerCannot() {
        String subs = carsPath() + "/subscriptions";
        String body = "{\"jobId\":\"job-b\",\"leaseSeconds\":30}";
        Response bob = http.call("POST", subs, "bob", body);
        assertThat(bob.status()).isEqualTo(201);
        String id = bob.body().path("id").asText();
        assertThat(id).isNotEmpty();
        assertThat(http.call("POST", subs, "alice", body).status()).isEqualTo(201);
        assertThat(http.call("POST", subs, "eve", body).status()).isEqualTo(404);

        assertThat(http.call("PUT", subs + "/" + id, "eve", null).status()).isEqualTo(404);
        assertThat(http.call("PUT", subs + "/" + id, "bob", null).status()).isEqualTo(200);
        assertThat(http.call("PUT", subs + "/" + id, "alice", null).status()).isEqualTo(200);
        assertThat(http.call("DELETE", subs + "/" + id, "eve", null).status()).isEqualTo(404);
        assertThat(http.call("DELETE", subs + "/" + id, "bob", null).status()).isEqualTo(204);
        assertThat(http.call("PUT", subs + "/" + id, "bob", null).status()).isEqualTo(404);
    }

    @Test
    void onlyTheOwnerChangesStatus() {
        String body = "{\"status\":\"ORPHANED\"}";
        assertThat(http.call("PUT", carsPath() + "/status", "bob", body).status()).isEqualTo(403);
        assertThat(http.call("PUT", carsPath() + "/status", "eve", body).status()).isEqualTo(404);
        Response ok = http.call("PUT", carsPath() + "/status", "alice", body);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().path("status").asText()).isEqualTo("ORPHANED");
        assertThat(ok.body().path("producer").path("jobId").asText()).isEqualTo("job-x");
    }

    @Test
    void onlyTheOwnerDeletesAndLiveSubscriptionsNeedForce() {
        http.call("POST", carsPath() + "/subscriptions", "bob", "{\"jobId\":\"job-b\"}");
        assertThat(http.call("DELETE", carsPath(), "bob", null).status()).isEqualTo(403);
        assertThat(http.call("DELETE", carsPath(), "eve", null).status()).isEqualTo(404);
        Response busy = http.call("DELETE", carsPath(), "alice", null);
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.errorCode()).isEqualTo(Errors.LIVE_SUBSCRIPTIONS);
        assertThat(http.call("DELETE", carsPath() + "?force=true", "alice", null).status())
                .isEqualTo(204);
        assertThat(http.call("GET", carsPath(), "alice", null).status()).isEqualTo(404);
        assertThat(registry.app().service().state().storedSubscriptions(carsDescriptor.ref()))
                .isEmpty();
        assertThat(registry.app().service().state().grantees(carsDescriptor.ref())).isEmpty();
    }

    @Test
    void grantsAreNeededToDeriveFromAStream() {
        // eve may not read alice's video, so she cannot register a lineage over it, nor learn
        // from the answer that it exists.
        String lineage =
                "{\"name\":\"EveCars\",\"type\":\"DERIVED\",\"lineage\":{\"operator\":"
                        + "{\"name\":\"detect\",\"version\":\"1\"},\"parents\":[\"%s\"]}}";
        for (String[] parent :
                new String[][] {
                    {"alice/" + video, "alice/Nope"},
                    {carsDescriptor.fingerprint(), "0".repeat(64)}
                }) {
            Response r = http.call("POST", "/v1/streams", "eve", lineage.formatted(parent[0]));
            Response missing =
                    http.call("POST", "/v1/streams", "eve", lineage.formatted(parent[1]));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo(Errors.UNKNOWN_PARENT);
            assertThat(r.raw().replace(parent[0], parent[1])).isEqualTo(missing.raw());
        }
        // bob may read alice's cars and derive from them.
        Response b =
                http.call(
                        "POST",
                        "/v1/streams",
                        "bob",
                        "{\"name\":\"Attrs\",\"type\":\"DERIVED\",\"lineage\":{\"operator\":"
                                + "{\"name\":\"attributes\",\"version\":\"1\"},\"parents\":[\""
                                + carsDescriptor.fingerprint()
                                + "\"]}}");
        assertThat(b.status()).isEqualTo(201);
        assertThat(b.body().path("owner").asText()).isEqualTo("bob");
        http.call("DELETE", "/v1/streams/bob/Attrs", "bob", null);
    }
}
