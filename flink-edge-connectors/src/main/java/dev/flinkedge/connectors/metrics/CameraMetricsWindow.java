package dev.flinkedge.connectors.metrics;

import org.apache.flink.annotation.PublicEvolving;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one camera's pipeline did in one control period, as published on the metrics topic and read
 * by the scheduler's control loop. Latency is end to end: the time a result reached the metrics
 * operator minus the frame's capture time. Immutable; maps are sorted by key.
 *
 * <pre>{@code
 * {"cameraId":"cam-1","windowEndMs":1732000002000,"periodMs":2000,"frames":20,"fps":10.0,
 *  "p50LatencyMs":85.0,"p95LatencyMs":140.0,"meanLatencyMs":92.5,"droppedFrames":0,
 *  "sourceSite":"edge-1","sites":{"cloud":{"frames":5,"meanLatencyMs":120.0},
 *  "edge-1":{"frames":15,"meanLatencyMs":83.3}},"linkBytes":{"edge-1>cloud":512000}}
 * }</pre>
 *
 * @param cameraId the camera
 * @param windowEndMs end of the window, epoch millis (a multiple of the period)
 * @param periodMs length of the window, {@code > 0}
 * @param frames distinct frames whose results arrived in the window, {@code >= 0}
 * @param fps {@code frames} per second of the window
 * @param p50LatencyMs median end-to-end latency; null when {@code frames} is 0
 * @param p95LatencyMs 95th percentile (nearest rank); null when {@code frames} is 0
 * @param meanLatencyMs mean latency; null when {@code frames} is 0
 * @param droppedFrames sequence numbers that never arrived, counted one window late so that frames
 *     overtaken on another branch are not counted; null when no record carried a sequence number
 * @param sourceSite the site the camera's frames entered (from route stamps), or null
 * @param sites per processing site: frames and their mean latency (EStream's packet lifetime)
 * @param linkBytes bytes shipped per link, {@code "from>to"}
 */
@PublicEvolving
public record CameraMetricsWindow(
        String cameraId,
        long windowEndMs,
        long periodMs,
        long frames,
        double fps,
        Double p50LatencyMs,
        Double p95LatencyMs,
        Double meanLatencyMs,
        Long droppedFrames,
        String sourceSite,
        Map<String, SiteShare> sites,
        Map<String, Long> linkBytes) {

    /** Checks the fields and freezes the maps. */
    public CameraMetricsWindow {
        Objects.requireNonNull(cameraId, "cameraId");
        if (periodMs <= 0 || frames < 0 || !(fps >= 0)) {
            throw new IllegalArgumentException(
                    "Metrics window of camera '"
                            + cameraId
                            + "': periodMs "
                            + periodMs
                            + " must be > 0, frames "
                            + frames
                            + " and fps "
                            + fps
                            + " must be >= 0");
        }
        boolean latencies = p50LatencyMs != null && p95LatencyMs != null && meanLatencyMs != null;
        if (latencies != (frames > 0)) {
            throw new IllegalArgumentException(
                    "Metrics window of camera '"
                            + cameraId
                            + "' has "
                            + frames
                            + " frames; latencies must be given exactly when frames > 0");
        }
        if (droppedFrames != null && droppedFrames < 0) {
            throw new IllegalArgumentException(
                    "Metrics window of camera '"
                            + cameraId
                            + "': droppedFrames "
                            + droppedFrames
                            + " must be >= 0");
        }
        sites = freeze(sites);
        linkBytes = freeze(linkBytes);
    }

    /** Whether any result arrived in the window, so that latencies are known. */
    public boolean hasFrames() {
        return frames > 0;
    }

    /** Total bytes shipped over all links in the window. */
    public long bytesShipped() {
        return linkBytes.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Frames processed at one site and their mean latency in the window.
     *
     * @param frames distinct frames, {@code > 0}
     * @param meanLatencyMs their mean end-to-end latency, {@code >= 0}
     */
    public record SiteShare(long frames, double meanLatencyMs) {

        /** Checks the fields. */
        public SiteShare {
            if (frames <= 0 || !(meanLatencyMs >= 0)) {
                throw new IllegalArgumentException(
                        "SiteShare needs frames > 0 and meanLatencyMs >= 0, got "
                                + frames
                                + " and "
                                + meanLatencyMs);
            }
        }
    }

    private static <V> Map<String, V> freeze(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
