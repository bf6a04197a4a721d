package dev.flinkedge.jobs.cli.registry;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code registry start} and {@code cluster start} print about the tokens they generated:
 * where the tokens file is and how to use a token, never a whole token, since terminal output ends
 * up in scroll-back, logs and CI artefacts.
 */
public final class TokenListing {

    /** Characters of a token shown: the {@code fe} prefix and four random ones. */
    static final int SHOWN = 6;

    private TokenListing() {}

    /** A token cut to its first {@value #SHOWN} characters, enough to tell tokens apart. */
    public static String masked(String token) {
        return token.length() <= SHOWN ? "…" : token.substring(0, SHOWN) + "…";
    }

    /**
     * Prints the tokens file, each owner with its masked token, and the commands that point the CLI
     * at the registry and load a token from the file without showing it.
     *
     * @param byOwner owner → token, as in the file
     */
    public static void print(
            PrintWriter out, Path tokensFile, Map<String, String> byOwner, String registryUrl) {
        Path file = tokensFile.toAbsolutePath();
        out.println(
                "Tokens for "
                        + String.join(", ", byOwner.keySet())
                        + " in "
                        + file
                        + " (one 'token=owner' line each; keep the file private)");
        byOwner.forEach((owner, token) -> out.println("  " + owner + "  " + masked(token)));
        out.println("  export " + ClientOptions.REGISTRY_ENV + "=" + registryUrl);
        byOwner.forEach(
                (owner, token) ->
                        out.println(
                                "  export "
                                        + ClientOptions.TOKEN_ENV
                                        + "=$(sed -n 's/="
                                        + owner
                                        + "$//p' \""
                                        + file
                                        + "\")   # "
                                        + owner));
    }
}
