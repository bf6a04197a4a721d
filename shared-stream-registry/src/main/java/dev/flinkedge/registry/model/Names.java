package dev.flinkedge.registry.model;

import java.util.regex.Pattern;

/** Validation rules for stream and owner names, shared by the model, the service and the CLI. */
public final class Names {

    /** Stream names: a letter, then up to 127 letters, digits, {@code _ . -}. */
    public static final Pattern STREAM_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.-]{0,127}");

    /**
     * Owner names: a letter, then up to 63 letters, digits, {@code _ -}. No dot, so that a
     * principal-qualified name such as a Kafka client id splits unambiguously.
     */
    public static final Pattern OWNER_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]{0,63}");

    /** A lineage fingerprint: 64 lower-case hex digits of a SHA-256. */
    public static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

    private Names() {}

    /** Returns {@code name} or throws naming {@code field} and the rule it broke. */
    public static String checkStreamName(String field, String name) {
        return check(field, name, STREAM_NAME);
    }

    /** Returns {@code owner} or throws naming {@code field} and the rule it broke. */
    public static String checkOwner(String field, String owner) {
        return check(field, owner, OWNER_NAME);
    }

    /** Returns {@code fingerprint} or throws naming {@code field} and the rule it broke. */
    public static String checkFingerprint(String field, String fingerprint) {
        return check(field, fingerprint, FINGERPRINT);
    }

    private static String check(String field, String value, Pattern pattern) {
        if (value == null) {
            throw new InvalidFieldException(field, "is required");
        }
        if (!pattern.matcher(value).matches()) {
            throw new InvalidFieldException(
                    field, "'" + abbreviate(value) + "' does not match " + pattern.pattern());
        }
        return value;
    }

    static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
