package dev.flinkedge.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** GET and PATCH against a real HTTP server: bodies parsed, unexpected statuses reported. */
class HttpJsonTest {

    private HttpServer server;
    private URI base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext(
                "/jobs",
                exchange -> {
                    boolean patch = exchange.getRequestMethod().equals("PATCH");
                    byte[] body =
                            (patch ? "{}" : "{\"state\":\"RUNNING\"}")
                                    .getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(patch ? 202 : 200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
        server.start();
        base = URI.create("http://localhost:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void getsJsonAndPatchesWithTheExpectedStatus() throws Exception {
        HttpJson http = new HttpJson();
        assertThat(http.get(base.resolve("/jobs/1")).path("state").asText()).isEqualTo("RUNNING");
        http.patch(base.resolve("/jobs/1?mode=cancel"), 202);

        assertThatThrownBy(() -> http.patch(base.resolve("/jobs/1"), 200))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("answered 202");
        assertThatThrownBy(() -> http.get(base.resolve("/missing")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("GET " + base + "/missing answered 404");
    }
}
