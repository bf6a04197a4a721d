package dev.flinkedge.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.errors.Errors;
import dev.flinkedge.registry.storage.RegistryConfig;
import dev.flinkedge.registry.storage.StoreHealth;
import dev.flinkedge.registry.testutil.Http;
import dev.flinkedge.registry.testutil.Http.Response;
import dev.flinkedge.registry.testutil.RegistryInstance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A failure the registry did not expect answers 500 without revealing what failed. */
class RegistryInternalErrorTest {

    private static final String SECRET = "sasl.jaas.config password=hunter2-s3cr3t";

    private RegistryRestServer server;
    private Http http;

    @BeforeEach
    void start() throws Exception {
        RegistryRestServer.Backend failing =
                new RegistryRestServer.Backend() {
                    @Override
                    public StreamRegistry as(String principal) {
                        return (StreamRegistry)
                                Proxy.newProxyInstance(
                                        StreamRegistry.class.getClassLoader(),
                                        new Class<?>[] {StreamRegistry.class},
                                        (proxy, method, args) -> {
                                            throw new IllegalStateException(SECRET);
                                        });
                    }

                    @Override
                    public StoreHealth health() {
                        throw new IllegalStateException(SECRET);
                    }
                };
        server =
                new RegistryRestServer(
                        failing,
                        TokenAuthenticator.fromMap(RegistryInstance.TOKENS, "test tokens"),
                        new RegistryConfig(
                                Map.of(
                                        RegistryConfig.BOOTSTRAP_SERVERS, "unused:9092",
                                        RegistryConfig.REST_HOST, "127.0.0.1",
                                        RegistryConfig.REST_PORT, "0")));
        server.start();
        http = new Http(server.uri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersAGenericMessageWithAnErrorIdInsteadOfTheExceptionText() {
        for (String[] call :
                new String[][] {
                    {"GET", "/v1/streams", "alice"},
                    {"GET", "/v1/streams/alice/Video", "alice"},
                    {"GET", "/v1/health", null}
                }) {
            Response r = http.call(call[0], call[1], call[2], null);
            assertThat(r.status()).as("%s %s", call[0], call[1]).isEqualTo(500);
            assertThat(r.errorCode()).isEqualTo(Errors.INTERNAL);
            assertThat(r.raw())
                    .doesNotContain("hunter2")
                    .doesNotContain("password")
                    .doesNotContain("IllegalStateException");
            String id = r.body().path("error_id").asText();
            assertThat(id).matches("[0-9a-f-]{36}");
            assertThat(r.body().path("message").asText()).contains(id);
        }
    }
}
