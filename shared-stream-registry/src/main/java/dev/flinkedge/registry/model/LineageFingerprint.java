package dev.flinkedge.registry.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Computes lineage fingerprints: the identity of a computation, independent of who asks for it.
 *
 * <p>The fingerprint is the lower-case hex SHA-256 of a canonical JSON text (UTF-8, keys sorted, no
 * whitespace, strings escaped as below). For a DERIVED stream:
 *
 * <pre>{@code
 * {"operator":{"name":N,"params":{K:V,...},"version":R},"parents":[P1,...],"serializer":S,"window":W}
 * }</pre>
 *
 * where W is {@code {"type":"NONE"}}, {@code {"sizeMs":n,"type":"FIXED"}} or {@code
 * {"sizeMs":n,"slideMs":m,"type":"SLIDING"}} and parents are fingerprints in the operator's order.
 * A RAW or VIRTUAL stream's fingerprint is that of {@code {"name":N,"owner":O}}. Strings escape
 * only {@code "}, {@code \} and control characters ({@code \n}, {@code \r}, {@code \t}, else {@code
 * \}{@code u00XX}); all other characters are written as UTF-8. {@code docs/programming-model.md}
 * gives worked examples that any client can check against.
 */
public final class LineageFingerprint {

    private LineageFingerprint() {}

    /** Fingerprint of a derived stream; {@code lineage} must be resolved to parent fingerprints. */
    public static String ofDerived(
            Lineage lineage, WindowSpec window, SerializerFormat serializer) {
        if (!lineage.isResolved()) {
            throw new IllegalArgumentException(
                    "lineage parents must be fingerprints before fingerprinting: "
                            + lineage.parents());
        }
        return sha256Hex(canonicalDerived(lineage, window, serializer));
    }

    /** Fingerprint of a RAW or VIRTUAL stream. */
    public static String ofSource(String owner, String name) {
        return sha256Hex("{\"name\":" + quote(name) + ",\"owner\":" + quote(owner) + "}");
    }

    /** The canonical text hashed for a derived stream (exposed for documentation and tests). */
    public static String canonicalDerived(
            Lineage lineage, WindowSpec window, SerializerFormat serializer) {
        StringBuilder sb = new StringBuilder(256);
        OperatorRef op = lineage.operator();
        sb.append("{\"operator\":{\"name\":").append(quote(op.name())).append(",\"params\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : op.params().entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append(quote(e.getKey())).append(':').append(quote(e.getValue()));
        }
        sb.append("},\"version\":").append(quote(op.version())).append("},\"parents\":[");
        List<String> parents = lineage.parents();
        for (int i = 0; i < parents.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(parents.get(i)));
        }
        sb.append("],\"serializer\":").append(quote(serializer.name()));
        sb.append(",\"window\":").append(canonicalWindow(window)).append('}');
        return sb.toString();
    }

    private static String canonicalWindow(WindowSpec w) {
        return switch (w.type()) {
            case NONE -> "{\"type\":\"NONE\"}";
            case FIXED -> "{\"sizeMs\":" + w.sizeMs() + ",\"type\":\"FIXED\"}";
            case SLIDING ->
                    "{\"sizeMs\":"
                            + w.sizeMs()
                            + ",\"slideMs\":"
                            + w.slideMs()
                            + ",\"type\":\"SLIDING\"}";
        };
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static String sha256Hex(String canonical) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
