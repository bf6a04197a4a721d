package dev.flinkedge.jobs.cli.registry;

import dev.flinkedge.registry.rest.RegistryApplication;
import dev.flinkedge.registry.rest.TokenAuthenticator;
import dev.flinkedge.registry.rest.Tokens;
import dev.flinkedge.registry.storage.RegistryConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * Starts a registry for the demo and the benchmark: REST on a free loopback port, tokens held in
 * memory.
 */
public final class LocalRegistry {

    private LocalRegistry() {}

    /**
     * Starts a registry on {@code topic} of the Kafka at {@code bootstrapServers}.
     *
     * @param tokensByOwner owner → token
     * @param origin names the tokens in error messages, e.g. {@code demo tokens}
     */
    public static RegistryApplication start(
            String bootstrapServers, String topic, Map<String, String> tokensByOwner, String origin)
            throws Exception {
        return start(bootstrapServers, topic, tokensByOwner, origin, Map.of());
    }

    /**
     * As {@link #start(String, String, Map, String)}, with further {@link RegistryConfig} settings.
     */
    public static RegistryApplication start(
            String bootstrapServers,
            String topic,
            Map<String, String> tokensByOwner,
            String origin,
            Map<String, ?> settings)
            throws Exception {
        Map<String, Object> props = new HashMap<>(settings);
        props.put(RegistryConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        props.put(RegistryConfig.TOPIC, topic);
        props.put(RegistryConfig.REST_HOST, "127.0.0.1");
        props.put(RegistryConfig.REST_PORT, 0);
        return RegistryApplication.start(
                props, TokenAuthenticator.fromMap(Tokens.byToken(tokensByOwner), origin));
    }
}
