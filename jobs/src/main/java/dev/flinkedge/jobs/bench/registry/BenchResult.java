package dev.flinkedge.jobs.bench.registry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one mode of the registry benchmark measured.
 *
 * @param mode {@code in-process} or {@code http}
 * @param streams derived streams created
 * @param threads client threads
 * @param lookups measured resolve calls
 * @param createsPerSecond created streams per second
 * @param resolveP50Ms median resolve latency
 * @param resolveP99Ms 99th percentile resolve latency
 */
public record BenchResult(
        String mode,
        int streams,
        int threads,
        int lookups,
        double createsPerSecond,
        double resolveP50Ms,
        double resolveP99Ms) {

    /** The report's JSON object for this mode. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("creates_per_s", createsPerSecond);
        json.put("resolve_p50_ms", resolveP50Ms);
        json.put("resolve_p99_ms", resolveP99Ms);
        json.put("streams", streams);
        json.put("threads", threads);
        json.put("lookups", lookups);
        return json;
    }
}
