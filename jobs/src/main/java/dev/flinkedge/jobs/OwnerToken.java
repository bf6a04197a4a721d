package dev.flinkedge.jobs;

import org.apache.flink.configuration.Configuration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the owner's registry token for a job's main: {@code --registry.token}, else the file named
 * by {@code --registry.token-file} (a Secret key mounted on the JobManager on Kubernetes), else the
 * environment variable {@value TrafficJobOptions#TOKEN_ENV}.
 */
public final class OwnerToken {

    private OwnerToken() {}

    /**
     * The token.
     *
     * @param conf the job's options
     * @param env the environment, by variable name
     * @throws IllegalArgumentException if no source has a token, or the token file cannot be read
     *     or is empty; the message says which source to fix
     */
    static String resolve(Configuration conf, Function<String, String> env) {
        Optional<String> given = conf.getOptional(TrafficJobOptions.REGISTRY_TOKEN);
        if (given.isPresent()) {
            return given.get();
        }
        Optional<String> file = conf.getOptional(TrafficJobOptions.REGISTRY_TOKEN_FILE);
        if (file.isPresent()) {
            return readFile(
                    Path.of(file.get()), "--" + TrafficJobOptions.REGISTRY_TOKEN_FILE.key());
        }
        return Optional.ofNullable(env.apply(TrafficJobOptions.TOKEN_ENV))
                .filter(t -> !t.isBlank())
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "No registry token: pass --"
                                                + TrafficJobOptions.REGISTRY_TOKEN.key()
                                                + " TOKEN or --"
                                                + TrafficJobOptions.REGISTRY_TOKEN_FILE.key()
                                                + " FILE, or set "
                                                + TrafficJobOptions.TOKEN_ENV
                                                + " (the registry's tokens file maps"
                                                + " tokens to owners)"));
    }

    /**
     * The token in {@code file} (a Secret key mounted as a file, or a file of the owner's),
     * trimmed.
     *
     * @param option the option that named the file, for the message
     * @throws IllegalArgumentException when the file cannot be read or holds no token
     */
    public static String readFile(Path file, String option) {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "Cannot read the registry token file "
                            + file
                            + " ("
                            + option
                            + "): "
                            + e
                            + "; put the owner's token there (on Kubernetes: mount its Secret key)",
                    e);
        }
        if (token.isEmpty()) {
            throw new IllegalArgumentException(
                    "The registry token file "
                            + file
                            + " ("
                            + option
                            + ") is empty; put the owner's token there");
        }
        return token;
    }
}
