package dev.flinkedge.registry.rest;

import dev.flinkedge.registry.storage.RegistryConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one registry as a process of its own until the JVM is stopped (SIGTERM): the registry
 * process of the local edge cluster. Its arguments are {@link RegistryConfig} settings, so that the
 * registry module needs no command-line library; {@code tokens.file} is required.
 *
 * <pre>{@code
 * java -cp CLASSPATH dev.flinkedge.registry.rest.RegistryServer bootstrap.servers=localhost:9092 \
 *     tokens.file=work/registry/tokens.properties rest.host=localhost rest.port=8090
 * }</pre>
 */
public final class RegistryServer {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryServer.class);

    private RegistryServer() {}

    /** Starts the registry and blocks until the JVM shuts down, then stops it. */
    public static void main(String[] args) throws Exception {
        RegistryApplication app = RegistryApplication.start(settings(args), null);
        LOG.info("Registry listening on {}", app.uri());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    try {
                                        app.close();
                                        LOG.info("Registry stopped");
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    } finally {
                                        stopped.countDown();
                                    }
                                },
                                "registry-shutdown"));
        stopped.await();
    }

    /**
     * The {@code key=value} arguments as registry settings.
     *
     * @throws IllegalArgumentException naming an argument without {@code =}
     */
    static Map<String, String> settings(String... args) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(
                        "Argument '"
                                + arg
                                + "' is not a registry"
                                + " setting: pass key=value, e.g. "
                                + RegistryConfig.REST_PORT
                                + "=8090");
            }
            settings.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return settings;
    }
}
