package dev.flinkedge.registry.rest;

import dev.flinkedge.registry.service.RegistryService;
import dev.flinkedge.registry.storage.KafkaRegistryStore;
import dev.flinkedge.registry.storage.RegistryConfig;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One running registry instance: Kafka store, service and REST API, started and stopped together.
 * Used by {@code flink-edge registry start}, the demo and tests.
 */
public final class RegistryApplication implements AutoCloseable {

    private final RegistryService service;
    private final RegistryRestServer server;

    private RegistryApplication(RegistryService service, RegistryRestServer server) {
        this.service = service;
        this.server = server;
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
        try {
            service.start();
            RegistryRestServer server = new RegistryRestServer(service, tokens, config);
            server.start();
            return new RegistryApplication(service, server);
        } catch (IOException | InterruptedException | RuntimeException e) {
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

    @Override
    public void close() throws InterruptedException {
        server.close();
        service.close();
    }
}
