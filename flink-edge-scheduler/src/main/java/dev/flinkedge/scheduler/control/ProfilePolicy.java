package dev.flinkedge.scheduler.control;

import dev.flinkedge.connectors.metrics.CameraMetricsWindow;
import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.scheduler.topology.Link;
import dev.flinkedge.scheduler.topology.Topology;

import org.apache.flink.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code profile}: Chameleon/AWStream-style selection from an accuracy-versus-cost {@link Profile}.
 * Every period, for each camera, it predicts the p95 latency of every profiled configuration from a
 * queueing model of the camera's processing site (the site's cores shared by its cameras) and of
 * the link its frames cross (the link's current bandwidth shared by the cameras crossing it),
 * scaled by a per-camera calibration factor learned from the measured p95 of the current
 * configuration. It picks the most accurate configuration whose prediction fits the SLO (with
 * headroom) and whose bitrate fits the camera's share of the link budget; if none does, the one
 * with the lowest prediction. The profile is reloaded from its {@link ProfileSource} every reload
 * interval: the re-profiling hook.
 */
final class ProfilePolicy implements SchedulingPolicy {

    static final String NAME = "profile";

    /** More accurate first; at equal accuracy the cheaper (lower pixel rate) one. */
    static final Comparator<ProfileEntry> BETTER =
            Comparator.comparingDouble(ProfileEntry::accuracy)
                    .thenComparing(
                            Comparator.comparingDouble((ProfileEntry e) -> e.config().pixelRate())
                                    .reversed());

    private static final Logger LOG = LoggerFactory.getLogger(ProfilePolicy.class);

    /** Utilisation at which a queue counts as unstable. */
    private static final double MAX_UTILISATION = 0.95;

    /** Calibration before the first measurement: p95 is about 1.5 × the model's mean. */
    private static final double INITIAL_CALIBRATION = 1.5;

    private static final double CALIBRATION_WEIGHT = 0.5;

    private final ProfileSource source;
    private final Settings settings;
    private final Map<String, Double> calibration = new HashMap<>();

    /** The site each camera's frames entered at, as last reported: empty windows name none. */
    private final Map<String, String> sourceSites = new HashMap<>();

    private Profile profile;
    private long loadedAtMs = Long.MIN_VALUE;

    ProfilePolicy(ProfileSource source, Settings settings) throws IOException {
        this.source = source;
        this.settings = settings;
        this.profile = source.load();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The profile in use. */
    Profile profile() {
        return profile;
    }

    @Override
    public List<PolicyDecision> decide(ControlInput input) {
        reloadIfDue(input.timeMs());
        Map<String, Integer> camerasPerSite = new HashMap<>();
        Map<String, Integer> camerasPerLink = new HashMap<>();
        Map<String, Route> routes = new HashMap<>();
        for (String camera : input.policies().keySet()) {
            Route route = Route.of(input, camera, sourceSites);
            routes.put(camera, route);
            camerasPerSite.merge(route.processingSite, 1, Integer::sum);
            if (route.crossesLink()) {
                camerasPerLink.merge(route.linkKey(), 1, Integer::sum);
            }
        }
        List<PolicyDecision> decisions = new ArrayList<>();
        for (CameraPolicy current : input.policies().values()) {
            Route route = routes.get(current.cameraId());
            Conditions c =
                    new Conditions(
                            cores(input.topology(), route.processingSite)
                                    / camerasPerSite.get(route.processingSite),
                            route.bandwidthMbps(input).stream()
                                    .map(b -> b / camerasPerLink.get(route.linkKey()))
                                    .findFirst(),
                            route.latencyMs(input.topology()));
            double k = calibrate(current, input.window(current.cameraId()), c);
            decisions.add(choose(current, c, k, input.sloMs()));
        }
        return decisions;
    }

    private PolicyDecision choose(CameraPolicy current, Conditions c, double k, double sloMs) {
        ProfileEntry best = null;
        ProfileEntry fastest = null;
        double fastestMs = Double.POSITIVE_INFINITY;
        int feasible = 0;
        for (ProfileEntry e : profile.entries()) {
            OptionalDouble model = modelMs(e, c);
            double predicted =
                    model.isPresent() ? k * model.getAsDouble() : Double.POSITIVE_INFINITY;
            if (predicted < fastestMs) {
                fastestMs = predicted;
                fastest = e;
            }
            boolean fitsLink =
                    c.linkShareMbps.isEmpty()
                            || e.bitrateMbps() <= settings.linkBudget * c.linkShareMbps.get();
            if (predicted <= settings.headroom * sloMs && fitsLink) {
                feasible++;
                if (best == null || BETTER.compare(e, best) > 0) {
                    best = e;
                }
            }
        }
        ProfileEntry chosen = best != null ? best : fastest != null ? fastest : cheapest();
        String why =
                best != null
                        ? String.format(
                                Locale.ROOT,
                                "most accurate of %d feasible: accuracy %.3f, predicted p95 %.0f"
                                        + " ms, %.1f Mbit/s",
                                feasible,
                                chosen.accuracy(),
                                k * modelMs(chosen, c).orElse(Double.NaN),
                                chosen.bitrateMbps())
                        : String.format(
                                Locale.ROOT,
                                "no configuration fits SLO %.0f ms and link budget: fastest",
                                sloMs);
        return new PolicyDecision(
                chosen.config().applyTo(current),
                why + String.format(Locale.ROOT, " (calibration %.2f) → %s", k, chosen.config()));
    }

    private ProfileEntry cheapest() {
        return profile.entries().stream()
                .min(Comparator.comparingDouble(ProfileEntry::cores))
                .orElseThrow();
    }

    /**
     * Learns how far the model is off for this camera from the measured p95 of its current
     * configuration (an exponentially weighted mean of measured / modelled).
     */
    private double calibrate(
            CameraPolicy current, Optional<CameraMetricsWindow> window, Conditions c) {
        String camera = current.cameraId();
        double k = calibration.getOrDefault(camera, INITIAL_CALIBRATION);
        Optional<ProfileEntry> entry = profile.entry(VideoConfig.of(current));
        if (window.isPresent() && entry.isPresent()) {
            OptionalDouble model = modelMs(entry.get(), c);
            if (model.isPresent()) {
                double measured = window.get().p95LatencyMs() / model.getAsDouble();
                k = (1 - CALIBRATION_WEIGHT) * k + CALIBRATION_WEIGHT * measured;
                k = Math.max(0.2, Math.min(50, k));
            }
        }
        calibration.put(camera, k);
        return k;
    }

    /**
     * Mean latency of a frame by an M/D/1 model of the site's share of cores and of the link's
     * share of bandwidth; empty when either queue would be unstable.
     */
    static OptionalDouble modelMs(ProfileEntry e, Conditions c) {
        double service = e.processingMsPerFrame();
        double rho = e.cores() / c.coresShare;
        if (rho >= MAX_UTILISATION) {
            return OptionalDouble.empty();
        }
        double ms = service * (1 + rho / (2 * (1 - rho)));
        if (c.linkShareMbps.isPresent()) {
            double share = c.linkShareMbps.get();
            double u = e.bitrateMbps() / share;
            if (u >= MAX_UTILISATION) {
                return OptionalDouble.empty();
            }
            double transmit = e.bytesPerFrame() * 8.0 / (share * 1e6) * 1000;
            ms += transmit * (1 + u / (2 * (1 - u))) + c.linkLatencyMs;
        }
        return OptionalDouble.of(ms);
    }

    private void reloadIfDue(long nowMs) {
        long every = settings.reloadIntervalMs;
        if (loadedAtMs == Long.MIN_VALUE) {
            loadedAtMs = nowMs;
            return;
        }
        if (every > 0 && nowMs - loadedAtMs >= every) {
            loadedAtMs = nowMs;
            try {
                Profile next = source.load();
                if (!next.equals(profile)) {
                    LOG.info(
                            "Profile reloaded: {} configurations ({})",
                            next.entries().size(),
                            next.description());
                }
                profile = next;
            } catch (IOException | RuntimeException e) {
                LOG.warn("Keeping the previous profile: {}", e.getMessage());
            }
        }
    }

    private static double cores(Topology topology, String site) {
        if (topology == null || site == null || !topology.contains(site)) {
            return 1;
        }
        double cpu = topology.site(site).cpu();
        return cpu > 0 ? cpu : 1;
    }

    /**
     * What a camera's share of its site and link offers.
     *
     * @param coresShare cores of the processing site per camera processed there
     * @param linkShareMbps bandwidth per camera crossing the link, empty without a link
     * @param linkLatencyMs one-way latency of the path
     */
    record Conditions(double coresShare, Optional<Double> linkShareMbps, double linkLatencyMs) {}

    /** Where a camera's frames enter and where they are processed. */
    private record Route(String sourceSite, String processingSite) {

        /**
         * The camera's route by its newest window. A window without frames (frequent at low frame
         * rates) reports no sites: then the source site is the last one reported and the processing
         * site the one the camera's policy sends most frames to, so that the camera still counts
         * where it loads the site and the link.
         */
        static Route of(ControlInput input, String camera, Map<String, String> knownSources) {
            String source = input.sourceSite(camera).orElse(knownSources.get(camera));
            if (source != null) {
                knownSources.put(camera, source);
            }
            if (input.window(camera).isPresent()) {
                return new Route(source, input.processingSite(camera).orElse(source));
            }
            CameraPolicy policy = input.policies().get(camera);
            CameraPolicy.Offload offload =
                    policy == null ? CameraPolicy.Offload.NONE : policy.offload();
            return new Route(source, offload.fraction() > 0.5 ? offload.targetSite() : source);
        }

        boolean crossesLink() {
            return sourceSite != null
                    && processingSite != null
                    && !sourceSite.equals(processingSite);
        }

        String linkKey() {
            return sourceSite + ">" + processingSite;
        }

        Optional<Double> bandwidthMbps(ControlInput input) {
            if (!crossesLink() || input.topology() == null) {
                return Optional.empty();
            }
            OptionalDouble mbps =
                    input.links().pathMbps(input.topology(), sourceSite, processingSite);
            return mbps.isPresent() ? Optional.of(mbps.getAsDouble()) : Optional.empty();
        }

        double latencyMs(Topology topology) {
            if (!crossesLink() || topology == null) {
                return 0;
            }
            double ms = 0;
            for (String[] hop : TreePaths.hops(topology, sourceSite, processingSite)) {
                ms += topology.link(hop[0], hop[1]).map(Link::latencyMs).orElse(0.0);
            }
            return ms;
        }
    }

    /**
     * The policy's settings.
     *
     * @param linkBudget share of a link the cameras crossing it may use, in (0, 1]
     * @param headroom share of the SLO a prediction must stay below, in (0, 1]
     * @param reloadIntervalMs how often to reload the profile, 0 for never
     */
    record Settings(double linkBudget, double headroom, long reloadIntervalMs) {

        static Settings from(Configuration conf) {
            return new Settings(
                    ControlSettings.inRange(
                            conf, ControlOptions.PROFILE_LINK_BUDGET, 0, false, 1, true),
                    ControlSettings.inRange(
                            conf, ControlOptions.PROFILE_HEADROOM, 0, false, 1, true),
                    conf.get(ControlOptions.PROFILE_RELOAD_INTERVAL).toMillis());
        }
    }
}
