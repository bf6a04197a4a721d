package dev.flinkedge.jobs.traffic;

import java.util.Map;

/** Reading operator parameters back from a lineage entry, with messages naming the operator. */
final class TrafficParams {

    private TrafficParams() {}

    static String required(String operator, Map<String, String> params, String key) {
        String value = params.get(key);
        if (value == null) {
            throw new IllegalArgumentException(
                    "Operator '"
                            + operator
                            + "' needs parameter '"
                            + key
                            + "'; lineage has only "
                            + params.keySet());
        }
        return value;
    }

    static float floatParam(String operator, Map<String, String> params, String key) {
        String value = required(operator, params, key);
        try {
            return Float.parseFloat(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Operator '"
                            + operator
                            + "' parameter '"
                            + key
                            + "' must be a number, not '"
                            + value
                            + "'",
                    e);
        }
    }
}
