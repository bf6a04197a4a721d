package dev.flinkedge.jobs.cli.registry;

import dev.flinkedge.jobs.TrafficJobOptions;
import dev.flinkedge.registry.client.RegistryClient;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of every command that calls a running registry: where it is ({@code --registry},
 * default {@code $FLINK_EDGE_REGISTRY}, else {@code http://localhost:8090}) and whose token to act
 * with ({@code --token}, default {@code $FLINK_EDGE_TOKEN}). Use it as a picocli mixin:
 *
 * <pre>{@code
 * @Mixin ClientOptions registryOptions;
 * ...
 * RegistryClient client = registryOptions.client();
 * }</pre>
 */
public final class ClientOptions {

    /** Environment variable with the registry's URL. */
    public static final String REGISTRY_ENV = "FLINK_EDGE_REGISTRY";

    /** Environment variable with the caller's bearer token: the one the packaged jobs read. */
    public static final String TOKEN_ENV = TrafficJobOptions.TOKEN_ENV;

    /** Where a registry started by {@code flink-edge registry start} listens by default. */
    public static final String DEFAULT_REGISTRY = "http://localhost:8090";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(
            names = "--registry",
            paramLabel = "URL",
            defaultValue = "${env:" + REGISTRY_ENV + ":-" + DEFAULT_REGISTRY + "}",
            description =
                    "Registry URL (default: $" + REGISTRY_ENV + ", else " + DEFAULT_REGISTRY + ").")
    private String registry;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            defaultValue = "${env:" + TOKEN_ENV + "}",
            description =
                    "Bearer token of the owner to act as (default: $"
                            + TOKEN_ENV
                            + "; prefer the variable, arguments show in process lists).")
    private String token;

    /**
     * A client acting as the token's owner.
     *
     * @return the client
     * @throws ParameterException when the token is missing or the URL is malformed
     */
    public RegistryClient client() {
        if (token == null || token.isBlank()) {
            throw new ParameterException(
                    mixee.commandLine(),
                    "No registry token: pass --token TOKEN or set "
                            + TOKEN_ENV
                            + " (the"
                            + " registry's tokens file maps tokens to owners)");
        }
        try {
            return RegistryClient.builder().url(registry).token(token).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(
                    mixee.commandLine(),
                    "Invalid --registry '"
                            + registry
                            + "': "
                            + e.getMessage()
                            + "; expected a URL like "
                            + DEFAULT_REGISTRY,
                    e);
        }
    }
}
