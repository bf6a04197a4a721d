package dev.flinkedge.scheduler.placement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each operator of a job runs, and why. Immutable, sorted by operator name. An operator that
 * runs once per branch appears once per branch, named {@code operator@site}.
 *
 * <pre>{@code
 * PlacementPlan plan = new Placer(topology, areaFinding).place(nodes);
 * String site = plan.siteOf("count");
 * String json = plan.toJson(); // {"placement":{"count":"cloud"},"reasons":{"count":"..."}}
 * }</pre>
 *
 * @param entries one per placed operator (branch), sorted by operator
 */
public record PlacementPlan(List<Entry> entries) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One operator (branch) at one site.
     *
     * @param operator the operator, or {@code operator@site} for one branch of it
     * @param site the site it runs at
     * @param reason why, in words
     */
    public record Entry(String operator, String site, String reason) {

        /** Checks that every field is present. */
        public Entry {
            if (operator == null
                    || operator.isBlank()
                    || site == null
                    || site.isBlank()
                    || reason == null
                    || reason.isBlank()) {
                throw new IllegalArgumentException(
                        "placement entry ("
                                + operator
                                + ", "
                                + site
                                + ", "
                                + reason
                                + ") needs an operator, a site and a reason");
            }
        }
    }

    /** Sorts the entries and checks that no operator appears twice. */
    public PlacementPlan {
        entries = entries.stream().sorted(Comparator.comparing(Entry::operator)).toList();
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).operator().equals(entries.get(i - 1).operator())) {
                throw new IllegalArgumentException(
                        "operator '"
                                + entries.get(i).operator()
                                + "' is placed twice; give each operator (branch) one site");
            }
        }
    }

    /** Operator → site, sorted by operator. */
    public Map<String, String> placement() {
        Map<String, String> placement = new LinkedHashMap<>();
        entries.forEach(e -> placement.put(e.operator(), e.site()));
        return Collections.unmodifiableMap(placement);
    }

    /** Operator → reason, sorted by operator. */
    public Map<String, String> reasons() {
        Map<String, String> reasons = new LinkedHashMap<>();
        entries.forEach(e -> reasons.put(e.operator(), e.reason()));
        return Collections.unmodifiableMap(reasons);
    }

    /**
     * The site of an operator (branch).
     *
     * @throws IllegalArgumentException naming the placed operators when it is not one of them
     */
    public String siteOf(String operator) {
        String site = placement().get(operator);
        if (site == null) {
            throw new IllegalArgumentException(
                    "operator '"
                            + operator
                            + "' is not placed; placed"
                            + " operators: "
                            + String.join(", ", placement().keySet()));
        }
        return site;
    }

    /**
     * The sites a plan node runs at: one for a node placed once, one per branch otherwise.
     *
     * @param node a plan node's id (not a branch name)
     * @return its sites, sorted; empty when the plan does not place the node
     */
    public List<String> sitesOfNode(String node) {
        return entries.stream()
                .filter(
                        e ->
                                e.operator().equals(node)
                                        || e.operator().equals(node + "@" + e.site()))
                .map(Entry::site)
                .sorted()
                .toList();
    }

    /** The plan as {@code {"placement": {op: site}, "reasons": {op: reason}}}, keys sorted. */
    public String toJson() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("placement", placement());
        document.put("reasons", reasons());
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a map of strings as JSON", e);
        }
    }
}
