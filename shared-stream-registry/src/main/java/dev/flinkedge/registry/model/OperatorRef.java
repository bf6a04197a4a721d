package dev.flinkedge.registry.model;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The operator that computes a derived stream: a catalogue name, a version and its parameters. All
 * three feed the lineage fingerprint, so two jobs running the same operator version with the same
 * parameters over the same parents share one stream. Parameters are strings so that the canonical
 * encoding is unambiguous (no number formatting questions).
 *
 * @param name catalogue name, e.g. {@code detect}
 * @param version operator version; bump it whenever the function's output changes
 * @param params parameters, sorted by key
 */
public record OperatorRef(String name, String version, Map<String, String> params)
        implements Serializable {

    private static final Pattern OPERATOR_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.:-]{0,127}");
    private static final Pattern VERSION = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.+-]{0,63}");
    private static final int MAX_PARAMS = 64;
    private static final int MAX_PARAM_LENGTH = 4096;

    public OperatorRef {
        if (name == null || !OPERATOR_NAME.matcher(name).matches()) {
            throw new InvalidFieldException(
                    "lineage.operator.name",
                    (name == null ? "is required" : "'" + Names.abbreviate(name) + "'")
                            + "; expected "
                            + OPERATOR_NAME.pattern());
        }
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new InvalidFieldException(
                    "lineage.operator.version",
                    (version == null ? "is required" : "'" + Names.abbreviate(version) + "'")
                            + "; expected "
                            + VERSION.pattern());
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        if (params != null) {
            if (params.size() > MAX_PARAMS) {
                throw new InvalidFieldException(
                        "lineage.operator.params",
                        params.size() + " parameters; at most " + MAX_PARAMS + " are allowed");
            }
            for (Map.Entry<String, String> e : params.entrySet()) {
                if (e.getKey() == null || e.getKey().isEmpty() || e.getValue() == null) {
                    throw new InvalidFieldException(
                            "lineage.operator.params",
                            "keys must be non-empty and values non-null strings");
                }
                if (e.getKey().length() > MAX_PARAM_LENGTH
                        || e.getValue().length() > MAX_PARAM_LENGTH) {
                    throw new InvalidFieldException(
                            "lineage.operator.params." + Names.abbreviate(e.getKey()),
                            "longer than " + MAX_PARAM_LENGTH + " characters");
                }
                sorted.put(e.getKey(), e.getValue());
            }
        }
        params = java.util.Collections.unmodifiableSortedMap(sorted);
    }

    /** An operator without parameters. */
    public static OperatorRef of(String name, String version) {
        return new OperatorRef(name, version, Map.of());
    }
}
