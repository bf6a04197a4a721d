package dev.flinkedge.connectors.metrics;

import dev.flinkedge.connectors.routing.RouteStamp;

import org.apache.flink.annotation.Internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects one camera's results between two window ends and turns them into a {@link
 * CameraMetricsWindow}. A frame counts once however many results it yields (identified by its
 * sequence number, else its capture time); its latency is that of its first result.
 *
 * <p>Drops are sequence numbers that never arrived. They are counted one window late: at the end of
 * window k the gaps up to the highest number seen by the end of window k−1 are counted, so a frame
 * overtaken on a slower branch (offloaded frames) is not miscounted as long as it arrives within
 * one period. Frames before the first one seen are not counted.
 *
 * <p>Not thread-safe: used by one operator subtask.
 */
@Internal
final class CameraWindowAccumulator {

    private long[] latencies = new long[64];
    private int count;
    private long latencySum;
    private final Set<Long> unsequencedSeen = new HashSet<>();
    private final Map<String, long[]> sites = new HashMap<>(); // site → {frames, latency sum}
    private final Map<String, Long> linkBytes = new HashMap<>();
    private String sourceSite;

    private boolean sequenced;
    private long countedUpTo;
    private long maxSequence = -1;
    private long maxAtLastClose = -1;
    private final NavigableSet<Long> received = new TreeSet<>();

    /**
     * Adds one result.
     *
     * @param latencyMs arrival minus capture time
     * @param sequence the frame's sequence number, or -1
     * @param captureTimeMs the frame's capture time, identifies frames without a sequence number
     * @param routes the frame's route stamps
     * @return whether the result was the first of its frame (and so counted)
     */
    boolean add(long latencyMs, long sequence, long captureTimeMs, List<RouteStamp> routes) {
        if (!firstOfItsFrame(sequence, captureTimeMs)) {
            return false;
        }
        if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
        }
        long latency = Math.max(0, latencyMs);
        latencies[count++] = latency;
        latencySum += latency;
        if (!routes.isEmpty()) {
            sourceSite = routes.get(0).from();
            String site = routes.get(routes.size() - 1).to();
            long[] share = sites.computeIfAbsent(site, s -> new long[2]);
            share[0]++;
            share[1] += latency;
            for (RouteStamp r : routes) {
                if (r.shipped()) {
                    linkBytes.merge(r.link(), r.bytes(), Long::sum);
                }
            }
        }
        return true;
    }

    private boolean firstOfItsFrame(long sequence, long captureTimeMs) {
        if (sequence < 0) {
            return unsequencedSeen.add(captureTimeMs);
        }
        if (!sequenced) {
            sequenced = true;
            countedUpTo = sequence - 1;
        }
        if (sequence <= countedUpTo || !received.add(sequence)) {
            return false;
        }
        maxSequence = Math.max(maxSequence, sequence);
        return true;
    }

    /**
     * Ends the window: returns its metrics and starts the next one.
     *
     * @param cameraId the camera
     * @param windowEndMs the window's end, epoch millis
     * @param periodMs the window's length
     */
    CameraMetricsWindow close(String cameraId, long windowEndMs, long periodMs) {
        Long dropped = sequenced ? countDrops() : null;
        Double p50 = null;
        Double p95 = null;
        Double mean = null;
        if (count > 0) {
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            p50 = (double) Percentiles.nearestRank(sorted, 0.50);
            p95 = (double) Percentiles.nearestRank(sorted, 0.95);
            mean = latencySum / (double) count;
        }
        Map<String, CameraMetricsWindow.SiteShare> shares = new HashMap<>();
        sites.forEach(
                (site, s) ->
                        shares.put(
                                site,
                                new CameraMetricsWindow.SiteShare(s[0], s[1] / (double) s[0])));
        CameraMetricsWindow window =
                new CameraMetricsWindow(
                        cameraId,
                        windowEndMs,
                        periodMs,
                        count,
                        count * 1000.0 / periodMs,
                        p50,
                        p95,
                        mean,
                        dropped,
                        sourceSite,
                        shares,
                        linkBytes);
        count = 0;
        latencySum = 0;
        unsequencedSeen.clear();
        sites.clear();
        linkBytes.clear();
        return window;
    }

    private long countDrops() {
        long bound = maxAtLastClose;
        maxAtLastClose = maxSequence;
        if (bound <= countedUpTo) {
            return 0;
        }
        NavigableSet<Long> arrived = received.headSet(bound, true);
        long dropped = (bound - countedUpTo) - arrived.size();
        arrived.clear();
        countedUpTo = bound;
        return dropped;
    }
}
