package dev.flinkedge.scheduler.control;

import dev.flinkedge.scheduler.cluster.ClusterRestClient;
import dev.flinkedge.scheduler.cluster.TaskManagerInfo;
import dev.flinkedge.scheduler.topology.Topology;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Each site's CPU load from Flink's REST API: the mean {@code Status.JVM.CPU.Load} of the site's
 * TaskManagers. A TaskManager belongs to the site it declares as an external resource (see the
 * local cluster and the k8s pools), or else to the site its resource id starts with ({@code
 * <site>-tm-<n>}). A failed request is logged and leaves the loads unknown for that period.
 */
public final class FlinkSiteLoads implements SiteLoadSource {

    /** The TaskManager metric read: the JVM's recent CPU load, in [0, 1]. */
    public static final String CPU_METRIC = "Status.JVM.CPU.Load";

    private static final Logger LOG = LoggerFactory.getLogger(FlinkSiteLoads.class);

    private final URI flinkRest;
    private final ClusterRestClient rest;
    private final Topology topology;
    private String lastError;

    /**
     * @param flinkRest the JobManager's REST address
     * @param topology the sites, to recognise site resources; null accepts any resource name
     */
    public FlinkSiteLoads(URI flinkRest, Topology topology) {
        this.flinkRest = flinkRest;
        this.rest = ClusterRestClient.ofFlink(flinkRest);
        this.topology = topology;
    }

    @Override
    public Map<String, Double> current() {
        try {
            Map<String, double[]> sums = new HashMap<>();
            for (TaskManagerInfo tm : rest.taskManagers()) {
                String site = siteOf(tm);
                OptionalDouble load = rest.taskManagerMetric(tm.id(), CPU_METRIC);
                if (site != null && load.isPresent()) {
                    double[] s = sums.computeIfAbsent(site, k -> new double[2]);
                    s[0] += load.getAsDouble();
                    s[1]++;
                }
            }
            Map<String, Double> loads = new TreeMap<>();
            sums.forEach((site, s) -> loads.put(site, s[0] / s[1]));
            lastError = null;
            return loads;
        } catch (IOException e) {
            String error = e.toString();
            if (!error.equals(lastError)) {
                LOG.warn("Site loads unknown until {} answers: {}", flinkRest, error);
                lastError = error;
            }
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /** The site of a TaskManager, or null when it names none. */
    String siteOf(TaskManagerInfo tm) {
        List<String> resources =
                tm.extendedResources().keySet().stream().filter(this::isSite).sorted().toList();
        if (!resources.isEmpty()) {
            return resources.get(0);
        }
        int tmSuffix = tm.id().lastIndexOf("-tm-");
        if (tmSuffix > 0 && isSite(tm.id().substring(0, tmSuffix))) {
            return tm.id().substring(0, tmSuffix);
        }
        return null;
    }

    private boolean isSite(String name) {
        return topology == null || topology.contains(name);
    }
}
