package dev.flinkedge.scheduler.k8s;

import dev.flinkedge.scheduler.topology.Site;
import dev.flinkedge.scheduler.topology.Topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders the Kubernetes TaskManager pool of each site of a topology: an {@code apps/v1} Deployment
 * pinned to the site's nodes that declares the site as a Flink external resource, one unit per
 * slot, and joins the {@code flink-edge} session cluster. Every site with slots gets a pool except
 * device sites and the root, whose TaskManagers are the {@code FlinkDeployment}'s.
 *
 * <pre>{@code
 * // file name (taskmanagers-edge-1.yaml) -> manifest
 * Map<String, String> files = TaskManagerPools.render(topology);
 * }</pre>
 */
public final class TaskManagerPools {

    private static final String TEMPLATE = readTemplate();

    private TaskManagerPools() {}

    /**
     * Renders the pools of a topology.
     *
     * @param topology the sites
     * @return file name ({@code taskmanagers-<site>.yaml}) to manifest, in site order
     */
    public static Map<String, String> render(Topology topology) {
        Map<String, String> files = new LinkedHashMap<>();
        for (Site site : topology.sites()) {
            if (site.hostsTasks() && !site.isRoot()) {
                files.put("taskmanagers-" + site.id() + ".yaml", render(site));
            }
        }
        return files;
    }

    /** Renders the pool of one site. */
    static String render(Site site) {
        return TEMPLATE.replace("${site}", site.id())
                .replace("${tier}", site.tier().yamlName())
                .replace("${slots}", Integer.toString(site.slots()))
                .replace(
                        "${cpu}",
                        BigDecimal.valueOf(site.cpu()).stripTrailingZeros().toPlainString());
    }

    private static String readTemplate() {
        try (InputStream in = TaskManagerPools.class.getResourceAsStream("taskmanager-pool.yaml")) {
            if (in == null) {
                throw new IllegalStateException(
                        "taskmanager-pool.yaml is missing next to "
                                + TaskManagerPools.class.getName()
                                + "; rebuild flink-edge-scheduler");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TaskManager pool template", e);
        }
    }
}
