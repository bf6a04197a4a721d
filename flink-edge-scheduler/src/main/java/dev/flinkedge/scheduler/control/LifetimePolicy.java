package dev.flinkedge.scheduler.control;

import dev.flinkedge.connectors.metrics.CameraMetricsWindow;
import dev.flinkedge.connectors.model.CameraPolicy;
import dev.flinkedge.scheduler.topology.Topology;

import org.apache.flink.configuration.Configuration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code lifetime}: EStream's decentralised balancing, one {@link LifetimeAgent} per site whose
 * cameras' frames enter there. Each period every site summarises the packets it processed (the
 * metrics windows report frames and mean latency per processing site) into a {@link SiteSummary};
 * each agent then sees only its own summary and its parent's and sets the offload fraction of its
 * cameras toward the parent. The loop merely carries the summaries between neighbours; an agent's
 * decision depends on nothing else, so the agents could run at their sites.
 */
final class LifetimePolicy implements SchedulingPolicy {

    static final String NAME = "lifetime";

    private final Topology topology;
    private final LifetimeAgent.Settings settings;
    private final Map<String, LifetimeAgent> agents = new TreeMap<>();

    LifetimePolicy(Topology topology, LifetimeAgent.Settings settings) {
        this.topology = topology;
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The agent of {@code site}, once it has cameras. */
    Optional<LifetimeAgent> agent(String site) {
        return Optional.ofNullable(agents.get(site));
    }

    @Override
    public List<PolicyDecision> decide(ControlInput input) {
        Map<String, SiteSummary> summaries = summaries(input);
        Map<String, List<CameraPolicy>> camerasBySite = new TreeMap<>();
        for (CameraPolicy p : input.policies().values()) {
            input.sourceSite(p.cameraId())
                    .filter(topology::contains)
                    .ifPresent(
                            s -> camerasBySite.computeIfAbsent(s, k -> new ArrayList<>()).add(p));
        }
        List<PolicyDecision> decisions = new ArrayList<>();
        camerasBySite.forEach(
                (site, cameras) -> {
                    LifetimeAgent agent = agents.computeIfAbsent(site, s -> newAgent(s, cameras));
                    SiteSummary own =
                            summaries.getOrDefault(
                                    site, new SiteSummary(site, 0, Double.NaN, Double.NaN));
                    Optional<SiteSummary> parent =
                            Optional.ofNullable(agent.parent()).map(summaries::get);
                    String why = agent.step(own, parent, input.sloMs());
                    CameraPolicy.Offload offload =
                            agent.fraction() > 0
                                    ? new CameraPolicy.Offload(agent.parent(), agent.fraction())
                                    : CameraPolicy.Offload.NONE;
                    for (CameraPolicy p : cameras) {
                        decisions.add(
                                new PolicyDecision(
                                        p.withOffload(offload), "site " + site + ": " + why));
                    }
                });
        return decisions;
    }

    private LifetimeAgent newAgent(String site, List<CameraPolicy> cameras) {
        String parent = topology.parent(site).map(s -> s.id()).orElse(null);
        double initial =
                cameras.stream()
                        .filter(p -> parent != null && parent.equals(p.offload().targetSite()))
                        .mapToDouble(p -> p.offload().fraction())
                        .average()
                        .orElse(0);
        return new LifetimeAgent(site, parent, settings, initial);
    }

    /**
     * Every site's summary of the packets it processed, as that site would compute it from its own
     * results.
     */
    private static Map<String, SiteSummary> summaries(ControlInput input) {
        Map<String, long[]> frames = new HashMap<>();
        Map<String, Double> lifetimeSums = new HashMap<>();
        for (CameraMetricsWindow w : input.metrics().values()) {
            w.sites()
                    .forEach(
                            (site, share) -> {
                                frames.computeIfAbsent(site, s -> new long[1])[0] += share.frames();
                                lifetimeSums.merge(
                                        site, share.frames() * share.meanLatencyMs(), Double::sum);
                            });
        }
        Map<String, SiteSummary> summaries = new HashMap<>();
        frames.forEach(
                (site, n) ->
                        summaries.put(
                                site,
                                new SiteSummary(
                                        site,
                                        n[0],
                                        lifetimeSums.get(site) / n[0],
                                        input.siteCpuLoad().getOrDefault(site, Double.NaN))));
        return summaries;
    }

    /** Reads the agents' settings from {@link ControlOptions}. */
    static LifetimeAgent.Settings settings(Configuration conf) {
        return new LifetimeAgent.Settings(
                ControlSettings.inRange(conf, ControlOptions.LIFETIME_GAIN, 0, false, 1, true),
                ControlSettings.inRange(conf, ControlOptions.LIFETIME_DEADBAND, 0, true, 1, false),
                ControlSettings.inRange(
                        conf, ControlOptions.LIFETIME_PROBE_FRACTION, 0, true, 1, true));
    }
}
