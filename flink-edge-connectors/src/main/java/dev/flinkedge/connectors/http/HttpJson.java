package dev.flinkedge.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.flink.annotation.Internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls JSON REST endpoints (Flink's, the registry's) with short timeouts: the benchmarks' and the
 * local cluster's client of Flink's REST API. Thread-safe.
 */
@Internal
public final class HttpJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * GETs {@code uri}.
     *
     * @return the parsed body of a 200 response
     * @throws IOException when the server cannot be reached, answers another status, or the body is
     *     not JSON
     */
    public JsonNode get(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(
                    "GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /**
     * PATCHes {@code uri} without a body, as Flink's REST API cancels a job.
     *
     * @throws IOException when the server cannot be reached or answers another status than {@code
     *     expectedStatus}
     */
    public void patch(URI uri, int expectedStatus) throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(uri)
                        .timeout(WRITE_TIMEOUT)
                        .method("PATCH", HttpRequest.BodyPublishers.noBody())
                        .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IOException(
                    "PATCH " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
