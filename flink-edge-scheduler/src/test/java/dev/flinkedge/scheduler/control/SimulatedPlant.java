package dev.flinkedge.scheduler.control;

import dev.flinkedge.connectors.metrics.CameraMetricsWindow;
import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.connectors.model.GeoPoint;
import dev.flinkedge.scheduler.topology.Link;
import dev.flinkedge.scheduler.topology.Site;
import dev.flinkedge.scheduler.topology.Tier;
import dev.flinkedge.scheduler.topology.Topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deterministic model of cameras, sites and links for testing policies without Flink: stepped one
 * control period at a time in 10 ms ticks, it turns the cameras' policies into the metrics windows
 * a pipeline would report.
 *
 * <ul>
 *   <li>A frame costs {@code 5 + 60 × megapixels} ms of one core and {@code 0.8 bit × pixels} on a
 *       link (1280×720: 60 ms, 92 kB).
 *   <li>A site is a pool of cores with a fluid backlog: work beyond its capacity queues; below it,
 *       frames wait as in an M/D/1 queue at the tick's utilisation (capped at 0.95).
 *   <li>A link is the same with bandwidth, plus its latency.
 *   <li>Live video: a backlog longer than {@link #MAX_QUEUE_MS} is dropped and counted.
 *   <li>Latency spread: each tick's frames are sampled at 0.8, 0.9, 1.0, 1.1 and 1.5 times the
 *       modelled latency, so p95 is 1.5 times a steady latency.
 * </ul>
 *
 * A policy takes effect from the next period on, as a camera applies a new policy within one
 * second.
 */
final class SimulatedPlant {

    static final long TICK_MS = 10;
    static final double MAX_QUEUE_MS = 1500;
    private static final double[] SPREAD = {0.8, 0.9, 1.0, 1.1, 1.5};
    private static final double MAX_UTILISATION = 0.95;

    private final Map<String, Double> cores = new LinkedHashMap<>();
    private final Map<String, Link> links = new LinkedHashMap<>();
    private final Map<String, Double> bandwidthMbps = new HashMap<>();
    private final Map<String, String[]> cameras = new TreeMap<>(); // id → {source, processing}
    private final Map<String, Double> siteBacklogMs = new HashMap<>(); // core-ms queued
    private final Map<String, Double> linkBacklogBits = new HashMap<>();
    private final List<Site> sites = new ArrayList<>();
    private long nowMs = 1_000_000;

    /** Milliseconds of one core a frame of {@code c} takes. */
    static double processingMs(VideoConfig c) {
        return 5 + 60 * c.width() * (double) c.height() / 1e6;
    }

    /** Bytes of one encoded frame of {@code c}. */
    static long bytesPerFrame(VideoConfig c) {
        return Math.round(c.width() * (double) c.height() * 0.8 / 8);
    }

    SimulatedPlant site(String id, String parent, double siteCores) {
        sites.add(
                new Site(
                        id,
                        parent == null ? Tier.CLOUD : Tier.EDGE,
                        parent,
                        new GeoPoint(48.1, 11.5),
                        4,
                        siteCores));
        cores.put(id, siteCores);
        return this;
    }

    SimulatedPlant link(String a, String b, double mbps, double latencyMs) {
        links.put(key(a, b), new Link(a, b, latencyMs, mbps));
        bandwidthMbps.put(key(a, b), mbps);
        return this;
    }

    /**
     * Adds a camera whose frames enter at {@code source} and are processed at {@code processing}.
     */
    SimulatedPlant camera(String id, String source, String processing) {
        cameras.put(id, new String[] {source, processing});
        return this;
    }

    /** Changes a link's bandwidth from now on (a bandwidth drop). */
    void setBandwidth(String a, String b, double mbps) {
        bandwidthMbps.put(key(a, b), mbps);
    }

    /** The camera ids. */
    List<String> cameras() {
        return List.copyOf(cameras.keySet());
    }

    Topology topology() {
        return Topology.of(sites, List.copyOf(links.values()));
    }

    /** The links' bandwidths as the control loop would see them. */
    LinkBandwidths bandwidths() {
        LinkBandwidths b = LinkBandwidths.none();
        for (Link l : links.values()) {
            b = b.with(l.from(), l.to(), bandwidthMbps.get(key(l.from(), l.to())));
        }
        return b;
    }

    /** The control input after a period: these windows, these policies. */
    ControlInput input(
            Map<String, CameraMetricsWindow> windows,
            Map<String, CameraPolicy> policies,
            long periodMs,
            long sloMs) {
        return new ControlInput(
                nowMs,
                java.time.Duration.ofMillis(periodMs),
                java.time.Duration.ofMillis(sloMs),
                windows,
                policies,
                Map.of(),
                bandwidths(),
                topology());
    }

    /**
     * Runs one period with {@code policies} and returns each camera's metrics window.
     *
     * @param policies the policy of every camera
     */
    Map<String, CameraMetricsWindow> run(Map<String, CameraPolicy> policies, long periodMs) {
        Map<String, Acc> acc = new TreeMap<>();
        cameras.keySet().forEach(c -> acc.put(c, new Acc()));
        for (long t = 0; t < periodMs; t += TICK_MS) {
            tick(policies, acc);
        }
        nowMs += periodMs;
        Map<String, CameraMetricsWindow> windows = new TreeMap<>();
        acc.forEach(
                (camera, a) ->
                        windows.put(
                                camera, a.window(camera, cameras.get(camera)[0], nowMs, periodMs)));
        return windows;
    }

    private void tick(Map<String, CameraPolicy> policies, Map<String, Acc> acc) {
        // Arrivals of this tick: per camera and destination site, frames and their costs.
        List<Flow> flows = new ArrayList<>();
        Map<String, Double> siteWork = new HashMap<>();
        Map<String, Double> linkBits = new HashMap<>();
        for (Map.Entry<String, String[]> c : cameras.entrySet()) {
            CameraPolicy p = policies.get(c.getKey());
            VideoConfig config = VideoConfig.of(p);
            double frames = config.fps() * TICK_MS / 1000;
            String source = c.getValue()[0];
            double offloaded = p.offload().targetSite() == null ? 0 : p.offload().fraction();
            addFlow(flows, c.getKey(), source, c.getValue()[1], frames * (1 - offloaded), config);
            if (offloaded > 0) {
                addFlow(
                        flows,
                        c.getKey(),
                        source,
                        p.offload().targetSite(),
                        frames * offloaded,
                        config);
            }
        }
        for (Flow f : flows) {
            siteWork.merge(f.site, f.frames * processingMs(f.config), Double::sum);
            if (!f.source.equals(f.site)) {
                linkBits.merge(
                        key(f.source, f.site),
                        f.frames * bytesPerFrame(f.config) * 8.0,
                        Double::sum);
            }
        }
        Map<String, double[]> siteState = new HashMap<>(); // {wait ms, factor, kept share}
        for (String site : cores.keySet()) {
            siteState.put(
                    site,
                    serve(
                            siteBacklogMs,
                            site,
                            siteWork.getOrDefault(site, 0.0),
                            cores.get(site) * TICK_MS,
                            cores.get(site)));
        }
        Map<String, double[]> linkState = new HashMap<>();
        for (String link : links.keySet()) {
            double bitsPerMs = bandwidthMbps.get(link) * 1000;
            linkState.put(
                    link,
                    serve(
                            linkBacklogBits,
                            link,
                            linkBits.getOrDefault(link, 0.0),
                            bitsPerMs * TICK_MS,
                            bitsPerMs));
        }
        for (Flow f : flows) {
            double kept = siteState.get(f.site)[2];
            double latency =
                    siteState.get(f.site)[0] + processingMs(f.config) * siteState.get(f.site)[1];
            long bytes = 0;
            if (!f.source.equals(f.site)) {
                String link = key(f.source, f.site);
                double[] l = linkState.get(link);
                double transmit = bytesPerFrame(f.config) * 8.0 / (bandwidthMbps.get(link) * 1000);
                latency += l[0] + transmit * l[1] + links.get(link).latencyMs();
                kept *= l[2];
                bytes = Math.round(f.frames * kept * bytesPerFrame(f.config));
            }
            acc.get(f.camera)
                    .add(
                            f.site,
                            f.frames * kept,
                            f.frames * (1 - kept),
                            latency,
                            f.source + ">" + f.site,
                            bytes);
        }
    }

    /**
     * Serves one tick of a queue: adds the arrivals, removes the capacity, drops what exceeds the
     * live-video limit.
     *
     * @return {wait in ms of the tick's arrivals, M/D/1 service factor, share of arrivals kept}
     */
    private static double[] serve(
            Map<String, Double> backlogs,
            String key,
            double arrivals,
            double capacity,
            double perMs) {
        double rho = Math.min(MAX_UTILISATION, arrivals / capacity);
        double backlog = Math.max(0, backlogs.getOrDefault(key, 0.0) + arrivals - capacity);
        double limit = perMs * MAX_QUEUE_MS;
        double kept = 1;
        if (backlog > limit) {
            kept = arrivals > 0 ? Math.max(0, 1 - (backlog - limit) / arrivals) : 1;
            backlog = limit;
        }
        backlogs.put(key, backlog);
        return new double[] {backlog / perMs, 1 + rho / (2 * (1 - rho)), kept};
    }

    private static void addFlow(
            List<Flow> flows,
            String camera,
            String source,
            String site,
            double frames,
            VideoConfig config) {
        if (frames > 0) {
            flows.add(new Flow(camera, source, site, frames, config));
        }
    }

    private static String key(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    private record Flow(
            String camera, String source, String site, double frames, VideoConfig config) {}

    /** One camera's samples in a period. */
    private static final class Acc {
        final List<double[]> samples = new ArrayList<>(); // {latency, weight}
        final Map<String, double[]> sites = new TreeMap<>(); // {frames, latency × frames}
        final Map<String, Long> linkBytes = new TreeMap<>();
        double frames;
        double dropped;

        void add(String site, double kept, double lost, double latency, String link, long bytes) {
            frames += kept;
            dropped += lost;
            if (kept > 0) {
                for (double s : SPREAD) {
                    samples.add(new double[] {latency * s, kept / SPREAD.length});
                }
                double[] share = sites.computeIfAbsent(site, k -> new double[2]);
                share[0] += kept;
                share[1] += kept * latency * mean(SPREAD);
            }
            if (bytes > 0) {
                linkBytes.merge(link, bytes, Long::sum);
            }
        }

        CameraMetricsWindow window(String camera, String source, long endMs, long periodMs) {
            long n = Math.round(frames);
            Map<String, CameraMetricsWindow.SiteShare> shares = new TreeMap<>();
            sites.forEach(
                    (site, s) -> {
                        if (Math.round(s[0]) > 0) {
                            shares.put(
                                    site,
                                    new CameraMetricsWindow.SiteShare(
                                            Math.round(s[0]), s[1] / s[0]));
                        }
                    });
            if (n == 0) {
                return new CameraMetricsWindow(
                        camera,
                        endMs,
                        periodMs,
                        0,
                        0,
                        null,
                        null,
                        null,
                        Math.round(dropped),
                        source,
                        shares,
                        linkBytes);
            }
            samples.sort((a, b) -> Double.compare(a[0], b[0]));
            double total = samples.stream().mapToDouble(s -> s[1]).sum();
            double mean = samples.stream().mapToDouble(s -> s[0] * s[1]).sum() / total;
            return new CameraMetricsWindow(
                    camera,
                    endMs,
                    periodMs,
                    n,
                    n * 1000.0 / periodMs,
                    quantile(0.5, total),
                    quantile(0.95, total),
                    mean,
                    Math.round(dropped),
                    source,
                    shares,
                    linkBytes);
        }

        private double quantile(double q, double total) {
            double seen = 0;
            for (double[] s : samples) {
                seen += s[1];
                if (seen >= q * total - 1e-9) {
                    return s[0];
                }
            }
            return samples.get(samples.size() - 1)[0];
        }

        private static double mean(double[] values) {
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            return sum / values.length;
        }
    }
}
