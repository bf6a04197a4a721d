package dev.flinkedge.connectors.api;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The grouping rule of {@code LeftUnion}: a record of the right stream joins the group of every
 * left "area" record within {@code radiusMetres} of it. {@code keys}, when not empty, restricts the
 * areas to those left keys.
 *
 * @param radiusMetres great-circle distance limit, &gt; 0
 * @param keys left keys to group by; empty means all
 */
@PublicEvolving
public record AreaRule(double radiusMetres, List<String> keys) implements Serializable {

    public AreaRule {
        if (!(radiusMetres > 0)) {
            throw new IllegalArgumentException("radiusMetres must be > 0 but was " + radiusMetres);
        }
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    /** A rule over all left keys. */
    public static AreaRule within(double radiusMetres) {
        return new AreaRule(radiusMetres, List.of());
    }

    /** The rule as lineage parameters (radius in whole centimetres, keys comma-joined). */
    Map<String, String> params() {
        Map<String, String> p = new TreeMap<>();
        p.put("radiusCm", Long.toString(Math.round(radiusMetres * 100)));
        p.put("keys", String.join(",", keys.stream().sorted().toList()));
        return p;
    }

    /** Whether a left record with key {@code key} defines an area under this rule. */
    public boolean admits(String key) {
        return keys.isEmpty() || keys.contains(key);
    }
}
