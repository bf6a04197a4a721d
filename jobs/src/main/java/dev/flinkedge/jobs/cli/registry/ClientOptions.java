package dev.flinkedge.jobs.cli.registry;

import dev.flinkedge.jobs.OwnerToken;
import dev.flinkedge.jobs.TrafficJobOptions;
import dev.flinkedge.registry.client.RegistryClient;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/**
 * The options of every command that calls a running registry: where it is ({@code --registry},
 * default {@code $FLINK_EDGE_REGISTRY}, else {@code http://localhost:8090}), how to trust it when
 * it serves https ({@code --registry-truststore}), and whose token to act with ({@code
 * --token-file} or {@code --token}, defaults {@code $FLINK_EDGE_TOKEN_FILE} and {@code
 * $FLINK_EDGE_TOKEN}). Use it as a picocli mixin:
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

    /** Environment variable with the path of a file holding the caller's bearer token. */
    public static final String TOKEN_FILE_ENV = "FLINK_EDGE_TOKEN_FILE";

    /** Environment variable with the truststore for an https registry. */
    public static final String TRUSTSTORE_ENV = "FLINK_EDGE_REGISTRY_TRUSTSTORE";

    /** Environment variable with the password of {@link #TRUSTSTORE_ENV}. */
    public static final String TRUSTSTORE_PASSWORD_ENV = "FLINK_EDGE_REGISTRY_TRUSTSTORE_PASSWORD";

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

    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            defaultValue = "${env:" + TOKEN_FILE_ENV + "}",
            description =
                    "File holding the bearer token, e.g. a mounted Secret key (default: $"
                            + TOKEN_FILE_ENV
                            + "); keeps the token out of process lists and shell history.")
    private Path tokenFile;

    @Option(
            names = "--registry-truststore",
            paramLabel = "FILE",
            defaultValue = "${env:" + TRUSTSTORE_ENV + "}",
            description =
                    "Truststore (PKCS12 or JKS) with the certificate of an https:// registry"
                            + " whose certificate is self-signed or from a private CA (default: $"
                            + TRUSTSTORE_ENV
                            + ").")
    private Path truststore;

    @Option(
            names = "--registry-truststore-password",
            paramLabel = "PASSWORD",
            defaultValue = "${env:" + TRUSTSTORE_PASSWORD_ENV + "}",
            description =
                    "Password of --registry-truststore (default: $"
                            + TRUSTSTORE_PASSWORD_ENV
                            + ").")
    private String truststorePassword;

    @Option(
            names = "--registry-truststore-type",
            paramLabel = "TYPE",
            defaultValue = "PKCS12",
            description =
                    "Type of --registry-truststore: PKCS12 or JKS (default: ${DEFAULT-VALUE}).")
    private String truststoreType;

    /**
     * A client acting as the token's owner.
     *
     * @return the client
     * @throws ParameterException when the token is missing or the URL is malformed
     */
    public RegistryClient client() {
        String token = token();
        RegistryClient.Builder builder = RegistryClient.builder();
        if (truststore != null) {
            try {
                builder.trustStore(truststore, truststorePassword, truststoreType);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(
                        mixee.commandLine(), e.getMessage() + " (--registry-truststore)", e);
            }
        }
        try {
            return builder.url(registry).token(token).build();
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

    /**
     * The caller's token: {@code --token}, else the one in {@code --token-file}, else {@code
     * $FLINK_EDGE_TOKEN}.
     */
    String token() {
        boolean tokenGiven = mixee.commandLine().getParseResult().hasMatchedOption("--token");
        if (tokenFile != null && !tokenGiven) {
            try {
                return OwnerToken.readFile(tokenFile, "--token-file");
            } catch (IllegalArgumentException e) {
                throw new ParameterException(mixee.commandLine(), e.getMessage(), e);
            }
        }
        if (tokenFile != null
                && mixee.commandLine().getParseResult().hasMatchedOption("--token-file")) {
            throw new ParameterException(
                    mixee.commandLine(),
                    "Pass either --token or --token-file, not both: --token-file keeps the"
                            + " token out of process lists");
        }
        if (token == null || token.isBlank()) {
            throw new ParameterException(
                    mixee.commandLine(),
                    "No registry token: pass --token-file FILE or --token TOKEN, or set "
                            + TOKEN_FILE_ENV
                            + " or "
                            + TOKEN_ENV
                            + " (the"
                            + " registry's tokens file maps tokens to owners)");
        }
        return token;
    }
}
