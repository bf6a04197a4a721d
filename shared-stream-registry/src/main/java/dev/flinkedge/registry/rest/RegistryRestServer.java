package dev.flinkedge.registry.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import dev.flinkedge.registry.client.RegistryTls;
import dev.flinkedge.registry.client.StreamRegistry;
import dev.flinkedge.registry.errors.ConflictException;
import dev.flinkedge.registry.errors.Errors;
import dev.flinkedge.registry.errors.RegistryException;
import dev.flinkedge.registry.errors.RegistryUnavailableException;
import dev.flinkedge.registry.json.RegistryJson;
import dev.flinkedge.registry.model.InvalidFieldException;
import dev.flinkedge.registry.model.Requests;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamSpec;
import dev.flinkedge.registry.model.StreamType;
import dev.flinkedge.registry.service.RegistryService;
import dev.flinkedge.registry.storage.RegistryConfig;
import dev.flinkedge.registry.storage.StoreHealth;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

/**
 * The registry's REST API (JSON over HTTP) on the JDK's built-in HTTP server. The server is
 * dependency-free on purpose: the registry module is also a library that Flink job jars embed for
 * the client, and a servlet container there would clash with Flink's own classpath.
 *
 * <p>Every request but {@code GET /v1/health} is authenticated by bearer token, then dispatched to
 * one call of the {@link RegistryService} acting as the caller; failures become {@code
 * {"error_code", "message"}} answers through {@link Errors}. The contract is in {@code
 * docs/registry-api.md}.
 *
 * <p>The JDK server reads a request's headers on an executor thread, so a client that sends half a
 * request holds a thread; {@code rest.request.timeout.seconds} makes the server close such
 * connections (the JDK server's {@code sun.net.httpserver.maxReqTime}).
 */
public final class RegistryRestServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryRestServer.class);

    static {
        // The JDK server writes headers and body as two TCP segments; without TCP_NODELAY every
        // answer then waits ~40 ms for the client's delayed ACK (p50 44 ms → 1.1 ms measured). The
        // property is read once, when the first HttpServer is created; an explicit setting wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final String MAX_REQ_TIME = "sun.net.httpserver.maxReqTime";
    private static final String MAX_RSP_TIME = "sun.net.httpserver.maxRspTime";

    private static final String SEG = "([^/]+)";
    private static final String STREAM = "/v1/streams/" + SEG + "/" + SEG;

    private final Backend backend;
    private final TokenAuthenticator auth;
    private final int maxBodyBytes;
    private final HttpServer server;
    private final boolean tls;
    private final ExecutorService executor;
    private final List<Route> routes = new ArrayList<>();

    public RegistryRestServer(
            RegistryService service, TokenAuthenticator auth, RegistryConfig config)
            throws IOException {
        this(
                new Backend() {
                    @Override
                    public StreamRegistry as(String principal) {
                        return service.as(principal);
                    }

                    @Override
                    public StoreHealth health() throws InterruptedException {
                        return service.health();
                    }
                },
                auth,
                config);
    }

    /** A server over {@code backend}; tests use it to make the registry fail in chosen ways. */
    RegistryRestServer(Backend backend, TokenAuthenticator auth, RegistryConfig config)
            throws IOException {
        this.backend = backend;
        this.auth = auth;
        this.maxBodyBytes = config.getInt(RegistryConfig.REST_MAX_REQUEST_BYTES);
        applyJdkServerLimits(config);
        InetSocketAddress address =
                new InetSocketAddress(
                        config.getString(RegistryConfig.REST_HOST),
                        config.getInt(RegistryConfig.REST_PORT));
        this.tls = config.getBoolean(RegistryConfig.REST_TLS_ENABLED);
        if (tls) {
            HttpsServer https = HttpsServer.create(address, 128);
            https.setHttpsConfigurator(new HttpsConfigurator(serverTls(config)));
            this.server = https;
        } else {
            this.server = HttpServer.create(address, 128);
        }
        int threads = config.getInt(RegistryConfig.REST_THREADS);
        this.executor =
                Executors.newFixedThreadPool(
                        threads,
                        r -> {
                            Thread t = new Thread(r, "registry-rest");
                            t.setDaemon(true);
                            return t;
                        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        defineRoutes();
    }

    private static SSLContext serverTls(RegistryConfig config) {
        String keystore = config.getString(RegistryConfig.REST_TLS_KEYSTORE_PATH);
        if (keystore == null || keystore.isBlank()) {
            throw new ConfigException(
                    RegistryConfig.REST_TLS_ENABLED
                            + "=true needs "
                            + RegistryConfig.REST_TLS_KEYSTORE_PATH
                            + ": a keystore with the REST API's key and certificate (and "
                            + RegistryConfig.REST_TLS_KEYSTORE_PASSWORD
                            + ")");
        }
        Password password = config.getPassword(RegistryConfig.REST_TLS_KEYSTORE_PASSWORD);
        return RegistryTls.serving(
                Path.of(keystore),
                password == null ? null : password.value(),
                config.getString(RegistryConfig.REST_TLS_KEYSTORE_TYPE));
    }

    /**
     * Sets the JDK HTTP server's request and response time limits (seconds). The JDK reads them
     * once, when the first server of the JVM is created, so they are JVM-wide: an explicit {@code
     * -D} setting wins, and a later server asking for other values is told that it gets the first
     * ones.
     */
    private static synchronized void applyJdkServerLimits(RegistryConfig config) {
        setOnce(MAX_REQ_TIME, config.getInt(RegistryConfig.REST_REQUEST_TIMEOUT_SECONDS));
        setOnce(MAX_RSP_TIME, config.getInt(RegistryConfig.REST_RESPONSE_TIMEOUT_SECONDS));
    }

    private static void setOnce(String property, int seconds) {
        String current = System.getProperty(property);
        if (current == null) {
            System.setProperty(property, String.valueOf(seconds));
        } else if (!current.equals(String.valueOf(seconds))) {
            LOG.warn(
                    "{} is already {} s in this JVM; the registry's {} s does not apply",
                    property,
                    current,
                    seconds);
        }
    }

    private void defineRoutes() {
        route("GET", "/v1/health", c -> health(), false);
        route(
                "POST",
                "/v1/streams",
                c -> Reply.created(c.registry.create(c.body(StreamSpec.class))),
                true);
        route(
                "GET",
                "/v1/streams",
                c ->
                        Reply.ok(
                                c.registry.list(
                                        c.query("owner"), c.queryEnum("type", StreamType.class))),
                true);
        route("GET", STREAM, c -> Reply.ok(c.registry.describe(c.stream())), true);
        route(
                "DELETE",
                STREAM,
                c -> {
                    c.registry.delete(c.stream(), Boolean.parseBoolean(c.query("force")));
                    return Reply.noContent();
                },
                true);
        route(
                "PUT",
                STREAM + "/status",
                c -> {
                    Requests.Status s = c.body(Requests.Status.class);
                    return Reply.ok(c.registry.setStatus(c.stream(), s.status(), s.producer()));
                },
                true);
        route(
                "POST",
                STREAM + "/grants",
                c ->
                        Reply.created(
                                c.registry.grant(
                                        c.stream(), c.body(Requests.Grant.class).grantee())),
                true);
        route(
                "DELETE",
                STREAM + "/grants/" + SEG,
                c -> {
                    c.registry.revoke(c.stream(), c.group(3));
                    return Reply.noContent();
                },
                true);
        route(
                "POST",
                STREAM + "/subscriptions",
                c -> {
                    Requests.Subscribe s = c.body(Requests.Subscribe.class);
                    return Reply.created(
                            c.registry.subscribe(
                                    c.stream(),
                                    s.jobId(),
                                    s.leaseSeconds() == null ? 0 : s.leaseSeconds()));
                },
                true);
        route(
                "PUT",
                STREAM + "/subscriptions/" + SEG,
                c -> Reply.ok(c.registry.renew(c.stream(), c.group(3))),
                true);
        route(
                "DELETE",
                STREAM + "/subscriptions/" + SEG,
                c -> {
                    c.registry.unsubscribe(c.stream(), c.group(3));
                    return Reply.noContent();
                },
                true);
        route(
                "PUT",
                STREAM + "/production/" + SEG,
                c -> Reply.ok(c.registry.renewProduction(c.stream(), c.group(3))),
                true);
        route(
                "DELETE",
                STREAM + "/production/" + SEG,
                c -> {
                    c.registry.releaseProduction(c.stream(), c.group(3));
                    return Reply.noContent();
                },
                true);
        route(
                "GET",
                "/v1/fingerprints/" + SEG,
                c -> Reply.ok(c.registry.resolve(c.group(1))),
                true);
    }

    /** UP or UP_READ_ONLY answer 200; DOWN answers 503, naming the failing part in the body. */
    private Reply health() {
        StoreHealth h;
        try {
            h = backend.health();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.internal("interrupted while probing Kafka", e);
        }
        return new Reply(h.isUp() ? 200 : 503, h, 0);
    }

    private void route(String method, String pattern, Handler handler, boolean authenticated) {
        routes.add(new Route(method, Pattern.compile(pattern), handler, authenticated));
    }

    /**
     * The endpoints this server serves, in definition order. The test that keeps {@code
     * docs/registry-openapi.yaml} in sync reads them, so the contract cannot drift from the routes.
     */
    public List<Endpoint> endpoints() {
        return routes.stream()
                .map(r -> new Endpoint(r.method, r.pattern.pattern(), r.authenticated))
                .toList();
    }

    /** Starts serving. */
    public void start() {
        server.start();
        LOG.info("Registry REST API listening on {}", uri());
    }

    /** The port the server listens on (useful with {@code rest.port=0}). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** A URI clients on this machine can use. */
    public URI uri() {
        return URI.create((tls ? "https" : "http") + "://localhost:" + port());
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        Reply reply;
        try {
            reply = dispatch(ex, method, path);
        } catch (RegistryException e) {
            reply = e.httpStatus() == 500 ? internalError(method, path, e) : Reply.error(e);
        } catch (InvalidFieldException e) {
            reply = Reply.error(Errors.invalidField(e.getMessage()));
        } catch (RuntimeException e) {
            reply = internalError(method, path, e);
        }
        LOG.debug("{} {} -> {}", method, path, reply.status);
        send(ex, reply);
    }

    /**
     * A 500 answer that says what kind of failure it was but not its text, which may hold
     * addresses, settings or credentials; the log has the whole exception under the answer's error
     * id, so that an operator finds it from what a caller reports.
     */
    private static Reply internalError(String method, String path, Exception e) {
        String id = UUID.randomUUID().toString();
        LOG.error("Error {} serving {} {}", id, method, path, e);
        int code = e instanceof RegistryException r ? r.errorCode() : Errors.INTERNAL;
        String what =
                switch (code) {
                    case Errors.STORE_ERROR ->
                            "The registry's Kafka store failed and nothing was written; retry";
                    case Errors.STORE_TIMEOUT ->
                            "The registry's Kafka store did not confirm the write in time; it may"
                                    + " still be applied, so read before retrying";
                    default -> "Internal error of the registry";
                };
        return new Reply(
                500,
                new Requests.ErrorBody(
                        code,
                        what
                                + " (error id "
                                + id
                                + "; the registry's log has the details under this id)",
                        null,
                        id),
                0);
    }

    private Reply dispatch(HttpExchange ex, String method, String path) throws IOException {
        boolean pathKnown = false;
        for (Route r : routes) {
            Matcher m = r.pattern.matcher(path);
            if (!m.matches()) {
                continue;
            }
            pathKnown = true;
            if (!r.method.equals(method)) {
                continue;
            }
            StreamRegistry registry = null;
            if (r.authenticated) {
                registry =
                        backend.as(
                                auth.authenticate(
                                        ex.getRequestHeaders().getFirst("Authorization")));
            }
            return r.handler.handle(new Call(ex, m, registry, maxBodyBytes));
        }
        throw pathKnown
                ? Errors.methodNotAllowed(method, path)
                : Errors.routeNotFound(method, path);
    }

    private static void send(HttpExchange ex, Reply reply) throws IOException {
        try (ex) {
            if (reply.body == null) {
                ex.sendResponseHeaders(reply.status, -1);
                return;
            }
            byte[] bytes = RegistryJson.STRICT.writeValueAsBytes(reply.body);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            if (reply.retryAfterSeconds > 0) {
                ex.getResponseHeaders().set("Retry-After", String.valueOf(reply.retryAfterSeconds));
            }
            ex.sendResponseHeaders(reply.status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Registry REST API stopped");
    }

    /** What the REST API serves: the registry as each caller, and its health. */
    interface Backend {
        StreamRegistry as(String principal);

        StoreHealth health() throws InterruptedException;
    }

    @FunctionalInterface
    private interface Handler {
        Reply handle(Call call) throws IOException;
    }

    private record Route(String method, Pattern pattern, Handler handler, boolean authenticated) {}

    /**
     * One served endpoint.
     *
     * @param method HTTP method
     * @param pathRegex the path as a regular expression, one {@code ([^/]+)} group per parameter
     * @param authenticated whether the endpoint needs a bearer token
     */
    public record Endpoint(String method, String pathRegex, boolean authenticated) {}

    /**
     * An answer: status, JSON body (null for none) and the {@code Retry-After} seconds (0 for
     * none).
     */
    private record Reply(int status, Object body, int retryAfterSeconds) {
        static Reply ok(Object body) {
            return new Reply(200, body, 0);
        }

        static Reply created(Object body) {
            return new Reply(201, body, 0);
        }

        static Reply noContent() {
            return new Reply(204, null, 0);
        }

        static Reply error(RegistryException e) {
            return new Reply(
                    e.httpStatus(),
                    new Requests.ErrorBody(
                            e.errorCode(),
                            e.getMessage(),
                            e instanceof ConflictException c ? c.existing().orElse(null) : null,
                            null),
                    e instanceof RegistryUnavailableException u
                            ? u.retryAfterSeconds().orElse(0)
                            : 0);
        }
    }

    /** One request being served: its path groups, query, body and the caller's registry view. */
    private static final class Call {
        final HttpExchange ex;
        final Matcher match;
        final StreamRegistry registry;
        final int maxBodyBytes;
        Map<String, String> query;

        Call(HttpExchange ex, Matcher match, StreamRegistry registry, int maxBodyBytes) {
            this.ex = ex;
            this.match = match;
            this.registry = registry;
            this.maxBodyBytes = maxBodyBytes;
        }

        String group(int i) {
            return URLDecoder.decode(match.group(i), StandardCharsets.UTF_8);
        }

        StreamRef stream() {
            return new StreamRef(group(1), group(2));
        }

        String query(String key) {
            if (query == null) {
                String raw = ex.getRequestURI().getRawQuery();
                query = raw == null ? Map.of() : parseQuery(raw);
            }
            return query.get(key);
        }

        <E extends Enum<E>> E queryEnum(String key, Class<E> type) {
            String v = query(key);
            if (v == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, v.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Errors.invalidField(
                        "Invalid query parameter '"
                                + key
                                + "': '"
                                + v
                                + "'; expected one of "
                                + java.util.Arrays.toString(type.getEnumConstants()));
            }
        }

        <T> T body(Class<T> type) throws IOException {
            String ct = ex.getRequestHeaders().getFirst("Content-Type");
            if (ct != null && !ct.toLowerCase(java.util.Locale.ROOT).contains("json")) {
                throw Errors.unsupportedMediaType(ct);
            }
            byte[] bytes = readBody();
            if (bytes.length == 0) {
                throw Errors.malformedJson("the request body is empty; send a JSON object");
            }
            JsonNode tree;
            try {
                tree = RegistryJson.STRICT.readTree(bytes);
            } catch (JsonProcessingException e) {
                throw Errors.malformedJson(shortMessage(e));
            }
            if (tree == null || tree.isNull() || tree.isMissingNode()) {
                throw Errors.malformedJson("the body is 'null'; send a JSON object");
            }
            KnownFields.check(
                    RegistryJson.STRICT,
                    RegistryJson.STRICT.getTypeFactory().constructType(type),
                    tree);
            try {
                return RegistryJson.STRICT.treeToValue(tree, type);
            } catch (UnrecognizedPropertyException e) {
                String known =
                        e.getKnownPropertyIds() == null
                                ? "?"
                                : e.getKnownPropertyIds().stream()
                                        .map(String::valueOf)
                                        .sorted()
                                        .collect(Collectors.joining(", "));
                throw Errors.unknownField(path(e), known);
            } catch (JsonMappingException e) {
                Throwable cause = e.getCause();
                if (cause instanceof InvalidFieldException ife) {
                    throw Errors.invalidField(ife.getMessage());
                }
                if (e instanceof InvalidFormatException ife) {
                    throw Errors.invalidField(
                            "Invalid field '"
                                    + path(e)
                                    + "': value '"
                                    + ife.getValue()
                                    + "' "
                                    + shortMessage(e));
                }
                throw Errors.invalidField("Invalid field '" + path(e) + "': " + shortMessage(e));
            } catch (JsonProcessingException e) {
                throw Errors.malformedJson(shortMessage(e));
            }
        }

        private byte[] readBody() throws IOException {
            String len = ex.getRequestHeaders().getFirst("Content-Length");
            if (len != null) {
                try {
                    if (Long.parseLong(len.trim()) > maxBodyBytes) {
                        throw Errors.bodyTooLarge(maxBodyBytes);
                    }
                } catch (NumberFormatException e) {
                    throw Errors.badRequest("Content-Length '" + len + "' is not a number");
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try (InputStream in = ex.getRequestBody()) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                    if (out.size() > maxBodyBytes) {
                        throw Errors.bodyTooLarge(maxBodyBytes);
                    }
                }
            }
            return out.toByteArray();
        }

        private static String path(JsonMappingException e) {
            StringBuilder sb = new StringBuilder();
            for (JsonMappingException.Reference r : e.getPath()) {
                if (r.getFieldName() != null) {
                    if (sb.length() > 0) {
                        sb.append('.');
                    }
                    sb.append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    sb.append('[').append(r.getIndex()).append(']');
                }
            }
            return sb.length() == 0 ? "(body)" : sb.toString();
        }

        private static String shortMessage(JsonProcessingException e) {
            String m = e.getOriginalMessage();
            if (m == null) {
                return e.getClass().getSimpleName();
            }
            if (e.getLocation() != null) {
                m +=
                        " (line "
                                + e.getLocation().getLineNr()
                                + ", column "
                                + e.getLocation().getColumnNr()
                                + ")";
            }
            return m;
        }

        private static Map<String, String> parseQuery(String raw) {
            Map<String, String> m = new HashMap<>();
            for (String kv : raw.split("&")) {
                int eq = kv.indexOf('=');
                String k = eq < 0 ? kv : kv.substring(0, eq);
                String v = eq < 0 ? "" : kv.substring(eq + 1);
                m.put(
                        URLDecoder.decode(k, StandardCharsets.UTF_8),
                        URLDecoder.decode(v, StandardCharsets.UTF_8));
            }
            return m;
        }
    }
}
