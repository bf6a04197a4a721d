package dev.flinkedge.connectors.api;

import dev.flinkedge.connectors.model.EdgeRecord;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.util.List;
import java.util.Map;

/**
 * The {@code LeftUnion(areas, stream)} restructure of the Edge-Stream model as an operator: every
 * record of the right stream is re-keyed to each left area within the rule's radius, so that a
 * following window or keyed operator sees one group per area. Records are not changed, only
 * regrouped; the rule is part of the lineage, so identical groupings are shared like any stream.
 *
 * @param <T> record type of the right stream
 */
@PublicEvolving
public final class LeftUnionOperator<T extends EdgeRecord<?>> extends EdgeOperator<T, T> {
    private static final long serialVersionUID = 1L;

    /** Catalogue name. */
    public static final String NAME = "leftUnion";

    private final AreaRule rule;

    LeftUnionOperator(AreaRule rule, TypeInformation<T> type) {
        super(NAME, "1", rule.params(), type);
        this.rule = rule;
    }

    public AreaRule rule() {
        return rule;
    }

    /** Rebuilds the rule from lineage parameters (host jobs). */
    static AreaRule ruleOf(Map<String, String> params) {
        String keys = params.getOrDefault("keys", "");
        return new AreaRule(
                Long.parseLong(params.get("radiusCm")) / 100.0,
                keys.isEmpty() ? List.of() : List.of(keys.split(",")));
    }
}
