package dev.flinkedge.registry.rest;

import dev.flinkedge.registry.errors.Errors;
import dev.flinkedge.registry.model.InvalidFieldException;
import dev.flinkedge.registry.model.Names;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps bearer tokens to owners, from a Java properties file of {@code token=owner} lines. Tokens
 * are kept only as SHA-256 digests, so a heap dump does not reveal them and look-up time does not
 * depend on how much of a guessed token is right.
 */
public final class TokenAuthenticator {

    private static final int MIN_TOKEN_LENGTH = 8;

    private final Map<String, String> ownerByDigest;

    private TokenAuthenticator(Map<String, String> ownerByDigest) {
        this.ownerByDigest = Map.copyOf(ownerByDigest);
    }

    /** Loads a tokens file; fails with the offending line's owner or token length on bad input. */
    public static TokenAuthenticator fromFile(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException(
                    "Tokens file "
                            + file.toAbsolutePath()
                            + " does not exist or is"
                            + " not readable; create it with one 'token=owner' line per owner");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return fromMap(toMap(p), file.toString());
    }

    /** Builds from a token → owner map (tests, embedded mode). */
    public static TokenAuthenticator fromMap(Map<String, String> tokens, String origin) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException(
                    "No tokens in " + origin + "; add one 'token=owner' line per owner");
        }
        Map<String, String> byDigest = new HashMap<>();
        for (Map.Entry<String, String> e : tokens.entrySet()) {
            String token = e.getKey().trim();
            String owner = e.getValue().trim();
            if (token.length() < MIN_TOKEN_LENGTH) {
                throw new IllegalArgumentException(
                        "A token for owner '"
                                + owner
                                + "' in "
                                + origin
                                + " is shorter than "
                                + MIN_TOKEN_LENGTH
                                + " characters");
            }
            try {
                Names.checkOwner("owner", owner);
            } catch (InvalidFieldException ex) {
                throw new IllegalArgumentException("In " + origin + ": " + ex.getMessage(), ex);
            }
            byDigest.put(digest(token), owner);
        }
        return new TokenAuthenticator(byDigest);
    }

    private static Map<String, String> toMap(Properties p) {
        Map<String, String> m = new HashMap<>();
        for (String k : p.stringPropertyNames()) {
            m.put(k, p.getProperty(k));
        }
        return m;
    }

    /**
     * Returns the owner for an {@code Authorization} header value.
     *
     * @throws dev.flinkedge.registry.errors.UnauthenticatedException when missing or unknown
     */
    public String authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw Errors.missingToken();
        }
        String h = authorizationHeader.trim();
        if (!h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw Errors.missingToken();
        }
        String owner = ownerByDigest.get(digest(h.substring(7).trim()));
        if (owner == null) {
            throw Errors.unknownToken();
        }
        return owner;
    }

    /** The owners that have a token. */
    public Set<String> owners() {
        return new TreeSet<>(ownerByDigest.values());
    }

    private static String digest(String token) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of()
                    .formatHex(md.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
