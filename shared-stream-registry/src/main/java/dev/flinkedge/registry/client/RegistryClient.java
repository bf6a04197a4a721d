package dev.flinkedge.registry.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;

import dev.flinkedge.registry.errors.Errors;
import dev.flinkedge.registry.errors.RegistryException;
import dev.flinkedge.registry.json.RegistryJson;
import dev.flinkedge.registry.model.Producer;
import dev.flinkedge.registry.model.ProductionLease;
import dev.flinkedge.registry.model.Requests;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamStatus;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.model.Subscription;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * HTTP client of the registry's REST API, acting as the principal its token belongs to.
 * Thread-safe; one instance per principal is enough. Every error answer becomes the typed exception
 * of its {@code error_code}; a registry that cannot be reached raises {@link
 * dev.flinkedge.registry.errors.RegistryUnavailableException}.
 *
 * <pre>{@code
 * RegistryClient b = RegistryClient.builder().url("http://localhost:8090").token(tokenB).build();
 * List<StreamDescriptor> producers = b.resolve(fingerprint);
 * }</pre>
 */
public final class RegistryClient implements StreamRegistry {

    private static final TypeReference<List<StreamDescriptor>> DESCRIPTORS =
            new TypeReference<>() {};

    private final URI base;
    private final String token;
    private final Duration timeout;
    private final HttpClient http;
    private volatile String principal;

    private RegistryClient(URI base, String token, Duration timeout, SSLContext tls) {
        this.base = base;
        this.token = token;
        this.timeout = timeout;
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(timeout);
        if (tls != null) {
            http.sslContext(tls);
        }
        this.http = http.build();
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The registry's base URI. */
    public URI uri() {
        return base;
    }

    /** Whether {@code GET /v1/health} answers 200 (UP or UP_READ_ONLY; DOWN answers 503). */
    public boolean isHealthy() {
        try {
            HttpResponse<byte[]> r =
                    http.send(
                            request("/v1/health").GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The principal of this client's token. The REST API has no "who am I" call, so this is the
     * name given to the builder, or else unknown until a stream of the caller's is created.
     */
    @Override
    public String principal() {
        return principal;
    }

    @Override
    public StreamDescriptor create(StreamSpec spec) {
        StreamDescriptor d = call("POST", "/v1/streams", spec, StreamDescriptor.class);
        principal = d.owner();
        return d;
    }

    @Override
    public List<StreamDescriptor> list(String owner, StreamType type) {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        if (owner != null) {
            q.add("owner=" + enc(owner));
        }
        if (type != null) {
            q.add("type=" + type.name());
        }
        return call(
                "GET",
                "/v1/streams" + q,
                null,
                RegistryJson.STRICT.getTypeFactory().constructType(DESCRIPTORS));
    }

    @Override
    public StreamDescriptor describe(StreamRef stream) {
        return call("GET", path(stream), null, StreamDescriptor.class);
    }

    @Override
    public List<StreamDescriptor> resolve(String fingerprint) {
        return call(
                "GET",
                "/v1/fingerprints/" + enc(fingerprint),
                null,
                RegistryJson.STRICT.getTypeFactory().constructType(DESCRIPTORS));
    }

    @Override
    public StreamDescriptor grant(StreamRef stream, String grantee) {
        return call(
                "POST",
                path(stream) + "/grants",
                new Requests.Grant(grantee),
                StreamDescriptor.class);
    }

    @Override
    public void revoke(StreamRef stream, String grantee) {
        call("DELETE", path(stream) + "/grants/" + enc(grantee), null, Void.class);
    }

    @Override
    public Subscription subscribe(StreamRef stream, String jobId, int leaseSeconds) {
        return call(
                "POST",
                path(stream) + "/subscriptions",
                new Requests.Subscribe(jobId, leaseSeconds <= 0 ? null : leaseSeconds),
                Subscription.class);
    }

    @Override
    public Subscription renew(StreamRef stream, String subscriptionId) {
        return call(
                "PUT",
                path(stream) + "/subscriptions/" + enc(subscriptionId),
                null,
                Subscription.class);
    }

    @Override
    public void unsubscribe(StreamRef stream, String subscriptionId) {
        call("DELETE", path(stream) + "/subscriptions/" + enc(subscriptionId), null, Void.class);
    }

    @Override
    public ProductionLease renewProduction(StreamRef stream, String jobId) {
        return call("PUT", path(stream) + "/production/" + enc(jobId), null, ProductionLease.class);
    }

    @Override
    public void releaseProduction(StreamRef stream, String jobId) {
        call("DELETE", path(stream) + "/production/" + enc(jobId), null, Void.class);
    }

    @Override
    public StreamDescriptor setStatus(StreamRef stream, StreamStatus status, Producer producer) {
        return call(
                "PUT",
                path(stream) + "/status",
                new Requests.Status(status, producer),
                StreamDescriptor.class);
    }

    @Override
    public void delete(StreamRef stream, boolean force) {
        call("DELETE", path(stream) + (force ? "?force=true" : ""), null, Void.class);
    }

    private static String path(StreamRef s) {
        return "/v1/streams/" + enc(s.owner()) + "/" + enc(s.name());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout);
    }

    private <T> T call(String method, String path, Object body, Class<T> type) {
        return call(method, path, body, RegistryJson.STRICT.getTypeFactory().constructType(type));
    }

    private <T> T call(String method, String path, Object body, JavaType type) {
        try {
            HttpRequest.BodyPublisher pub =
                    body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(
                                    RegistryJson.STRICT.writeValueAsBytes(body));
            HttpRequest.Builder rb =
                    request(path)
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", "application/json")
                            .method(method, pub);
            if (body != null) {
                rb.header("Content-Type", "application/json");
            }
            HttpResponse<byte[]> r = http.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
            int status = r.statusCode();
            if (status >= 200 && status < 300) {
                if (type.getRawClass() == Void.class || r.body().length == 0) {
                    return null;
                }
                return RegistryJson.LENIENT.readValue(r.body(), type);
            }
            throw toException(status, r.body(), retryAfterSeconds(r));
        } catch (SSLException e) {
            throw Errors.tlsFailed(base.toString(), e);
        } catch (IOException e) {
            throw Errors.unreachable(base.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.unreachable(base.toString(), e);
        }
    }

    private static RegistryException toException(int status, byte[] body, int retryAfter) {
        try {
            Requests.ErrorBody e = RegistryJson.LENIENT.readValue(body, Requests.ErrorBody.class);
            return Errors.fromResponse(
                    status, e.error_code(), e.message(), e.existing(), retryAfter);
        } catch (IOException notJson) {
            return Errors.fromResponse(
                    status,
                    status * 100,
                    "HTTP " + status + ": " + new String(body, StandardCharsets.UTF_8),
                    null,
                    retryAfter);
        }
    }

    /**
     * The {@code Retry-After} of an answer in seconds, or 0 when absent or given as an HTTP date
     * (the registry always sends seconds).
     */
    private static int retryAfterSeconds(HttpResponse<?> r) {
        return r.headers()
                .firstValue("Retry-After")
                .map(
                        v -> {
                            try {
                                return Math.max(0, Integer.parseInt(v.trim()));
                            } catch (NumberFormatException date) {
                                return 0;
                            }
                        })
                .orElse(0);
    }

    /** Options of a {@link RegistryClient}. */
    public static final class Builder {
        private URI url;
        private String token;
        private String principal;
        private Duration timeout = Duration.ofSeconds(30);
        private SSLContext tls;

        private Builder() {}

        /** Base URL, e.g. {@code http://localhost:8090}. Required. */
        public Builder url(String url) {
            return url(URI.create(url));
        }

        public Builder url(URI url) {
            this.url = url;
            return this;
        }

        /** Bearer token of the principal to act as. Required. */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /** The principal the token belongs to, when the caller knows it. */
        public Builder principal(String principal) {
            this.principal = principal;
            return this;
        }

        /**
         * Trusts the certificates in {@code file} for an {@code https://} registry, e.g. its
         * self-signed certificate or private CA; without it the JVM's default trust store is used.
         *
         * @param type the store's type, {@code PKCS12} or {@code JKS}
         * @throws IllegalArgumentException naming the file when it cannot be read as a truststore
         */
        public Builder trustStore(Path file, String password, String type) {
            this.tls = RegistryTls.trusting(file, password, type);
            return this;
        }

        /** Connect and request timeout; 30 s by default. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public RegistryClient build() {
            Objects.requireNonNull(
                    url,
                    "Property url is required but not provided"
                            + " (--registry or FLINK_EDGE_REGISTRY)");
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException(
                        "Property token is required but not provided"
                                + " (--token or FLINK_EDGE_TOKEN)");
            }
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException(
                        "Registry URL '" + url + "' must start with http:// or https://");
            }
            String s = url.toString();
            RegistryClient c =
                    new RegistryClient(
                            URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s),
                            token,
                            timeout,
                            tls);
            c.principal = principal;
            return c;
        }
    }
}
