package dev.flinkedge.jobs.demo;

import dev.flinkedge.connectors.metrics.Percentiles;
import dev.flinkedge.jobs.bench.ResultArrivals.Arrival;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A camera's rate and latency as its results show them: frames that yielded at least one result per
 * second, and capture-to-arrival latency percentiles.
 *
 * @param camera camera id
 * @param fps result frames per second over the window
 * @param p50Ms median latency, -1 without results
 * @param p95Ms 95th percentile latency, -1 without results
 * @param results results in the window
 */
record CameraStats(String camera, double fps, long p50Ms, long p95Ms, int results) {

    /** Stats per camera over results that arrived in [{@code fromMs}, {@code toMs}). */
    static Map<String, CameraStats> of(List<Arrival> arrivals, long fromMs, long toMs) {
        double seconds = Math.max(1, toMs - fromMs) / 1000.0;
        Map<String, List<Arrival>> byCamera =
                arrivals.stream()
                        .filter(a -> a.arrivalMs() >= fromMs && a.arrivalMs() < toMs)
                        .collect(
                                Collectors.groupingBy(
                                        Arrival::sourceId, TreeMap::new, Collectors.toList()));
        Map<String, CameraStats> stats = new TreeMap<>();
        byCamera.forEach(
                (camera, list) -> {
                    long[] latencies =
                            list.stream()
                                    .mapToLong(a -> a.arrivalMs() - a.captureMs())
                                    .sorted()
                                    .toArray();
                    long frames = list.stream().mapToLong(Arrival::captureMs).distinct().count();
                    stats.put(
                            camera,
                            new CameraStats(
                                    camera,
                                    Math.round(frames / seconds * 10) / 10.0,
                                    Percentiles.nearestRank(latencies, 0.5),
                                    Percentiles.nearestRank(latencies, 0.95),
                                    list.size()));
                });
        return stats;
    }
}
