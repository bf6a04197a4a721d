package dev.flinkedge.scheduler.control;

import dev.flinkedge.connectors.metrics.CameraMetricsWindow;
import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.scheduler.topology.Topology;

import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything a {@link SchedulingPolicy} sees in one control period. Immutable; maps are sorted.
 *
 * @param timeMs when the period ends, epoch millis
 * @param period the control period
 * @param slo the latency objective for every camera's p95
 * @param metrics the newest metrics window of each camera, if a recent one arrived
 * @param policies the current policy of every camera under control
 * @param siteCpuLoad CPU load per site in [0, 1] (mean over its TaskManagers); empty if unknown
 * @param links the bandwidth each link offers now
 * @param topology the sites and links, or null when the loop runs without one
 */
public record ControlInput(
        long timeMs,
        Duration period,
        Duration slo,
        Map<String, CameraMetricsWindow> metrics,
        Map<String, CameraPolicy> policies,
        Map<String, Double> siteCpuLoad,
        LinkBandwidths links,
        Topology topology) {

    /** Checks the fields and freezes the maps. */
    public ControlInput {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(links, "links");
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
        policies = Collections.unmodifiableMap(new TreeMap<>(policies));
        siteCpuLoad = Collections.unmodifiableMap(new TreeMap<>(siteCpuLoad));
    }

    /** The SLO in milliseconds. */
    public double sloMs() {
        return slo.toMillis();
    }

    /** The newest window of {@code cameraId} with frames in it, if any. */
    public Optional<CameraMetricsWindow> window(String cameraId) {
        return Optional.ofNullable(metrics.get(cameraId)).filter(CameraMetricsWindow::hasFrames);
    }

    /** The site whose frames {@code cameraId} enters at, as its metrics report it. */
    public Optional<String> sourceSite(String cameraId) {
        return Optional.ofNullable(metrics.get(cameraId)).map(CameraMetricsWindow::sourceSite);
    }

    /**
     * The site that processed most of {@code cameraId}'s frames in its newest window; its source
     * site when no site was reported.
     */
    public Optional<String> processingSite(String cameraId) {
        CameraMetricsWindow w = metrics.get(cameraId);
        if (w == null) {
            return Optional.empty();
        }
        return w.sites().entrySet().stream()
                .max(
                        Comparator.comparingLong(
                                (Map.Entry<String, CameraMetricsWindow.SiteShare> e) ->
                                        e.getValue().frames()))
                .map(Map.Entry::getKey)
                .or(() -> Optional.ofNullable(w.sourceSite()));
    }
}
