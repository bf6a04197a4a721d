package dev.flinkedge.registry.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.io.Serializable;
import java.util.List;

/**
 * How a derived stream is computed: its operator and its parents in order. A parent is named by its
 * lineage fingerprint or, when a stream is created, by an {@code owner/name} reference that the
 * registry resolves to the parent's fingerprint before storing.
 *
 * @param operator the operator applied to the parents
 * @param parents parent fingerprints (or references), in the order the operator takes them
 */
public record Lineage(OperatorRef operator, List<String> parents) implements Serializable {

    private static final int MAX_PARENTS = 64;

    public Lineage {
        if (operator == null) {
            throw new InvalidFieldException("lineage.operator", "is required");
        }
        if (parents == null || parents.isEmpty()) {
            throw new InvalidFieldException(
                    "lineage.parents", "a derived stream needs at least one parent");
        }
        if (parents.size() > MAX_PARENTS) {
            throw new InvalidFieldException(
                    "lineage.parents", parents.size() + " parents; at most " + MAX_PARENTS);
        }
        for (int i = 0; i < parents.size(); i++) {
            String p = parents.get(i);
            if (p == null || !(Names.FINGERPRINT.matcher(p).matches() || StreamRef.isRef(p))) {
                throw new InvalidFieldException(
                        "lineage.parents[" + i + "]",
                        (p == null ? "null" : "'" + Names.abbreviate(p) + "'")
                                + " is neither a fingerprint (64 hex digits) nor an owner/name"
                                + " reference");
            }
        }
        parents = List.copyOf(parents);
    }

    /** Whether every parent is already a fingerprint (true for stored lineages). */
    @JsonIgnore
    public boolean isResolved() {
        return parents.stream().allMatch(p -> Names.FINGERPRINT.matcher(p).matches());
    }
}
