package dev.flinkedge.registry.testutil;

import dev.flinkedge.registry.client.RegistryClient;
import dev.flinkedge.registry.rest.RegistryApplication;
import dev.flinkedge.registry.rest.TokenAuthenticator;
import dev.flinkedge.registry.storage.RegistryConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * A registry instance on a real broker for tests, with three principals: {@code alice} (owner),
 * {@code bob} (grantee when a test grants him) and {@code eve} (stranger).
 */
public final class RegistryInstance implements AutoCloseable {

    public static final Map<String, String> TOKENS =
            Map.of(
                    "token-alice-0001", "alice",
                    "token-bob-000001", "bob",
                    "token-eve-000001", "eve");

    private final RegistryApplication app;

    private RegistryInstance(RegistryApplication app) {
        this.app = app;
    }

    /** Starts an instance on {@code topic}, with {@code overrides} on top of test defaults. */
    public static RegistryInstance start(
            String bootstrapServers, String topic, Map<String, ?> overrides) throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put(RegistryConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        props.put(RegistryConfig.TOPIC, topic);
        props.put(RegistryConfig.REST_HOST, "127.0.0.1");
        props.put(RegistryConfig.REST_PORT, 0);
        props.putAll(overrides);
        return new RegistryInstance(
                RegistryApplication.start(
                        props, TokenAuthenticator.fromMap(TOKENS, "test tokens")));
    }

    public static RegistryInstance start(String bootstrapServers, String topic) throws Exception {
        return start(bootstrapServers, topic, Map.of());
    }

    public RegistryApplication app() {
        return app;
    }

    /** An HTTP client acting as {@code principal}. */
    public RegistryClient client(String principal) {
        String token =
                TOKENS.entrySet().stream()
                        .filter(e -> e.getValue().equals(principal))
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElseThrow(
                                () -> new IllegalArgumentException("no token for " + principal));
        return RegistryClient.builder().url(app.uri()).token(token).principal(principal).build();
    }

    /** The token of {@code principal}. */
    public static String token(String principal) {
        return TOKENS.entrySet().stream()
                .filter(e -> e.getValue().equals(principal))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    @Override
    public void close() throws InterruptedException {
        app.close();
    }
}
