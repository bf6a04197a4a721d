package dev.flinkedge.registry.testutil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Raw HTTP calls against the REST API, for tests that check status codes and bodies exactly. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI base;

    /**
     * A response.
     *
     * @param status HTTP status
     * @param body parsed JSON body, or a missing node when there is none
     * @param raw the body as text
     */
    public record Response(int status, JsonNode body, String raw) {
        /** The {@code error_code} of an error answer, or 0. */
        public int errorCode() {
            return body.path("error_code").asInt(0);
        }
    }

    public Http(URI base) {
        this.base = base;
    }

    /** Calls {@code method path} as {@code principal} (null: no Authorization header). */
    public Response call(String method, String path, String principal, String body) {
        return callWithHeader(
                method,
                path,
                principal == null ? null : "Bearer " + RegistryInstance.token(principal),
                body);
    }

    /** Calls with an explicit Authorization header value (null: none). */
    public Response callWithHeader(String method, String path, String authorization, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return callWithHeaders(method, path, headers, body);
    }

    /** Calls with exactly {@code headers} (e.g. a non-JSON Content-Type) and {@code body}. */
    public Response callWithHeaders(
            String method, String path, Map<String, String> headers, String body) {
        try {
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(base.resolve(path))
                            .method(
                                    method,
                                    body == null
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofString(
                                                    body, StandardCharsets.UTF_8));
            headers.forEach(b::header);
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode node = r.body().isEmpty() ? JSON.missingNode() : JSON.readTree(r.body());
            return new Response(r.statusCode(), node, r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
