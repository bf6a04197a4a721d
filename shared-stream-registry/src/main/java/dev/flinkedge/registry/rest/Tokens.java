package dev.flinkedge.registry.rest;

import dev.flinkedge.kafka.security.SecretFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fresh bearer tokens for the registries that flink-edge starts (the CLI's, the demo's, the local
 * edge cluster's), and the tokens file ({@link TokenAuthenticator#fromFile}) that holds them.
 */
public final class Tokens {

    /** The owners of the demo and of {@code registry start --embedded-kafka}. */
    public static final List<String> DEMO_OWNERS = List.of("city-a", "city-b");

    private static final int TOKEN_BYTES = 24;

    /** Starts every token, so that none begins with '-' and reads like a command-line option. */
    private static final String PREFIX = "fe";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    /** A new random token ({@code fe} and 32 URL-safe characters) per owner, keyed by owner. */
    public static Map<String, String> generate(List<String> owners) {
        Map<String, String> byOwner = new LinkedHashMap<>();
        for (String owner : owners) {
            byte[] bytes = new byte[TOKEN_BYTES];
            RANDOM.nextBytes(bytes);
            byOwner.put(
                    owner, PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        return byOwner;
    }

    /** The token → owner map a {@code TokenAuthenticator} takes. */
    public static Map<String, String> byToken(Map<String, String> byOwner) {
        Map<String, String> byToken = new LinkedHashMap<>();
        byOwner.forEach((owner, token) -> byToken.put(token, owner));
        return byToken;
    }

    /**
     * Writes a tokens file ({@code token=owner} lines), readable only by its owner where the file
     * system has POSIX permissions; an existing file is replaced.
     */
    public static void writeFile(Path file, Map<String, String> byOwner) throws IOException {
        SecretFiles.writeProperties(
                file,
                byToken(byOwner),
                "flink-edge registry tokens: one 'token=owner' line per owner");
    }
}
