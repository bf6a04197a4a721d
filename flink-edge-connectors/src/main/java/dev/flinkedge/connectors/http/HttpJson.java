package dev.flinkedge.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.flink.annotation.Internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

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
            throw new StatusException("GET", uri, response);
        }
        return JSON.readTree(response.body());
    }

    /**
     * POSTs {@code body} as JSON to {@code uri}, waiting up to {@code timeout} for the answer.
     *
     * @return the parsed body of a 200 response
     * @throws StatusException when the server answers another status
     * @throws IOException when the server cannot be reached or the body is not JSON
     */
    public JsonNode post(URI uri, JsonNode body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(uri)
                        .timeout(timeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new StatusException("POST", uri, response);
        }
        return JSON.readTree(response.body());
    }

    /**
     * POSTs {@code file} as the multipart form field {@code field}, as Flink's REST API takes jar
     * uploads.
     *
     * @return the parsed body of a 200 response
     * @throws StatusException when the server answers another status
     * @throws IOException when the file cannot be read or the server cannot be reached
     */
    public JsonNode postFile(URI uri, String field, Path file, Duration timeout)
            throws IOException, InterruptedException {
        String boundary = "----flinkedge" + UUID.randomUUID();
        byte[] head =
                ("--"
                                + boundary
                                + "\r\nContent-Disposition: form-data; name=\""
                                + field
                                + "\"; filename=\""
                                + file.getFileName()
                                + "\"\r\nContent-Type: application/java-archive\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request =
                HttpRequest.newBuilder(uri)
                        .timeout(timeout)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(
                                HttpRequest.BodyPublishers.concat(
                                        HttpRequest.BodyPublishers.ofByteArray(head),
                                        HttpRequest.BodyPublishers.ofFile(file),
                                        HttpRequest.BodyPublishers.ofByteArray(tail)))
                        .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new StatusException("POST", uri, response);
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
            throw new StatusException("PATCH", uri, response);
        }
    }

    /** A server's answer with an unexpected HTTP status; keeps the status and the body. */
    public static final class StatusException extends IOException {
        private static final long serialVersionUID = 1L;

        private final int status;
        private final String body;

        StatusException(String method, URI uri, HttpResponse<String> response) {
            super(
                    method
                            + " "
                            + uri
                            + " answered "
                            + response.statusCode()
                            + ": "
                            + response.body());
            this.status = response.statusCode();
            this.body = response.body();
        }

        /** The HTTP status, e.g. {@code 404}. */
        public int status() {
            return status;
        }

        /** The response body, as the server sent it. */
        public String body() {
            return body;
        }
    }
}
