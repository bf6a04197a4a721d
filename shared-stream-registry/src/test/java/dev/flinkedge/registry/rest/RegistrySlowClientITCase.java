package dev.flinkedge.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkedge.kafka.EmbeddedKafkaExtension;
import dev.flinkedge.registry.storage.RegistryConfig;
import dev.flinkedge.registry.testutil.RegistryInstance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Slow clients cannot hold every REST thread: connections that send half a request are closed after
 * {@code rest.request.timeout.seconds}, so a normal request still gets its answer. Without the
 * timeout the health request below waits forever behind the stuck threads.
 */
class RegistrySlowClientITCase {

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final int THREADS = 2;

    private final List<Socket> slow = new ArrayList<>();
    private RegistryInstance registry;

    @AfterEach
    void stop() throws Exception {
        for (Socket s : slow) {
            s.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void halfSentRequestsDoNotBlockOtherClients() throws Exception {
        registry =
                RegistryInstance.start(
                        KAFKA.bootstrapServers(),
                        "_slow",
                        Map.of(RegistryConfig.REST_THREADS, THREADS));
        URI uri = registry.app().uri();
        for (int i = 0; i < THREADS + 2; i++) {
            Socket s = new Socket(uri.getHost(), uri.getPort());
            OutputStream out = s.getOutputStream();
            // A request line and one header, then nothing: the server thread blocks reading.
            out.write(
                    "POST /v1/streams HTTP/1.1\r\nHost: localhost\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            slow.add(s);
        }

        // rest.request.timeout.seconds defaults to 10; the JDK checks it about once a second.
        Duration deadline = Duration.ofSeconds(25);
        long t0 = System.nanoTime();
        HttpResponse<String> r =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(uri.resolve("/v1/health"))
                                        .timeout(deadline)
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(deadline);
        for (Socket s : slow) {
            assertThat(closedByServer(s)).as("slow connection closed by the server").isTrue();
        }
    }

    /** Whether reading {@code s} ends (EOF or reset) rather than blocking: the server closed it. */
    private static boolean closedByServer(Socket s) throws Exception {
        s.setSoTimeout(5_000);
        try {
            return s.getInputStream().read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }
}
