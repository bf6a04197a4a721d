package dev.flinkedge.registry.rest;

import dev.flinkedge.registry.access.KafkaAccessControl;
import dev.flinkedge.registry.service.RegistryService;
import dev.flinkedge.registry.storage.KafkaRegistryStore;
import dev.flinkedge.registry.storage.RegistryConfig;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One running registry instance: Kafka store, service and REST API, started and stopped together.
 * Used by {@code flink-edge registry start}, the demo and tests.
 */
public final class RegistryApplication implements AutoCloseable {

    private final RegistryService service;
    private final RegistryRestServer server;
    private final KafkaAccessControl access;

    private RegistryApplication(
            RegistryService service, RegistryRestServer server, KafkaAccessControl access) {
        this.service = service;
        this.server = server;
        this.access = access;
    }

    /**
     * Starts an instance: replays the topic, then opens the REST port.
     *
     * @param props registry configuration (see {@link RegistryConfig})
     * @param auth the token map; when null it is loaded from {@code tokens.file}
     */
    public static RegistryApplication start(Map<String, ?> props, TokenAuthenticator auth)
            throws IOException, InterruptedException {
        RegistryConfig config = new RegistryConfig(props);
        String tokensFile = config.getString(RegistryConfig.TOKENS_FILE);
        if (auth == null && tokensFile == null) {
            throw new IllegalArgumentException(
                    "No tokens: set "
                            + RegistryConfig.TOKENS_FILE
                            + " (--tokens FILE) to a file of 'token=owner' lines");
        }
        TokenAuthenticator tokens =
                auth != null ? auth : TokenAuthenticator.fromFile(Path.of(tokensFile));
        KafkaRegistryStore store = new KafkaRegistryStore(config, System::currentTimeMillis);
        RegistryService service = new RegistryService(store, config, System::currentTimeMillis);
        KafkaAccessControl access = null;
        try {
            service.start();
            if (config.getString(RegistryConfig.KAFKA_USERS_FILE) != null) {
                access = KafkaAccessControl.start(config, store.state());
            }
            RegistryRestServer server = new RegistryRestServer(service, tokens, config);
            server.start();
            return new RegistryApplication(service, server, access);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (access != null) {
                access.close();
            }
            service.close();
            throw e;
        }
    }

    /** The service, for in-process use. */
    public RegistryService service() {
        return service;
    }

    /** The endpoints the REST API serves. */
    public List<RegistryRestServer.Endpoint> endpoints() {
        return server.endpoints();
    }

    /** Where the REST API listens. */
    public URI uri() {
        return server.uri();
    }

    /** Kafka credentials and ACLs, when {@code kafka.users.file} is set. */
    public Optional<KafkaAccessControl> accessControl() {
        return Optional.ofNullable(access);
    }

    @Override
    public void close() throws InterruptedException {
        if (access != null) {
            access.close();
        }
        server.close();
        service.close();
    }
}
